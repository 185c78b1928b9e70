/**
 * Counting a bundle part by part. The o200k and cl100k pre-tokenisers split text with one regular expression, matched
 * left to right with no look-behind, and byte-pair-encode each piece on its own. No piece spans a point just after a
 * line feed whose next character is neither white space nor `/`: the only alternatives that take a line feed end at a
 * line feed unless white space (`\s*[\r\n]+`) or a slash (`[\r\n/]*`) follows, and none can start with a line feed
 * before a letter, digit or punctuation. So the count of `left + right` is `count(left) + count(right)` there, and a
 * bundle's sections, counted once while fitting, need not be counted again when the whole bundle is verified.
 * `test/tokenize/part-count.test.ts` checks the equality on random texts built to stress those rules.
 */

const WHITE_SPACE = /^\s/u;

/** Whether a text may be counted as `left` and `right` apart and give the count of `left + right`. */
export function isCountBoundary(left: string, right: string): boolean {
  if (left.length === 0 || right.length === 0) return true;
  return left.endsWith('\n') && right[0] !== '/' && !WHITE_SPACE.test(right);
}

/**
 * The token count of `parts.join('')`. With `additive`, adjacent parts are counted apart where `isCountBoundary`
 * allows (and joined where it does not); without it, the joined text is counted in one piece.
 */
export function countParts(parts: readonly string[], count: (text: string) => number, additive: boolean): number {
  if (!additive) return count(parts.join(''));
  let total = 0;
  let pending = '';
  for (const part of parts) {
    if (part.length === 0) continue;
    if (pending !== '' && !isCountBoundary(pending, part)) {
      pending += part;
      continue;
    }
    if (pending !== '') total += count(pending);
    pending = part;
  }
  return pending === '' ? total : total + count(pending);
}

/**
 * `text` cut at every line start where `isCountBoundary` holds (before a line that starts with neither white space
 * nor `/`), so the pieces' counts add up to the count of `text` under an additive tokenizer. A directory tree's
 * top-level blocks are such pieces: the trees of one pack, which differ in a few level markers, then share the counts
 * of their unchanged blocks through a remembering counter instead of each being tokenised whole.
 */
export function countBoundaryPieces(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (let newline = text.indexOf('\n'); newline >= 0 && newline + 1 < text.length; newline = text.indexOf('\n', newline + 1)) {
    const next = text[newline + 1]!;
    if (next === '/' || WHITE_SPACE.test(next)) continue;
    pieces.push(text.slice(start, newline + 1));
    start = newline + 1;
  }
  pieces.push(text.slice(start));
  return pieces;
}

/** A counter that remembers every text it counted, for the life of one pack. */
export function memoisedCount(count: (text: string) => number): (text: string) => number {
  const known = new Map<string, number>();
  return (text) => {
    let tokens = known.get(text);
    if (tokens === undefined) {
      tokens = count(text);
      known.set(text, tokens);
    }
    return tokens;
  };
}
