/**
 * Rust `mod` and `use` declarations, found as the anchored patterns below would find them with `matchAll`, but
 * without trying the patterns at every character: V8 runs a multiline `^` pattern at about 5 ns per character
 * (0.4 s for 44 MB of Rust on a 43k-file tree), while `indexOf` finds the keywords at well under 1 ns per character.
 */
import type { ImportKind, ImportReference } from './import-scan.js';

/**
 * The patterns, without the `^` of `/^…/gm` whose matches (group 1, the specifier) this file reproduces exactly; run
 * only at line starts found from the keywords.
 */
const RUST_MOD_AT = /[ \t]*(?:pub(?:\([^)]*\))?\s+)?mod\s+(\w+)\s*;/y;
const RUST_USE_AT = /[ \t]*(?:pub(?:\([^)]*\))?\s+)?use\s+([\w:]+)/y;
const WHITESPACE = /\s/;

/** Appends the `mod` declarations, then the `use` declarations, each in order of appearance. */
export function scanRustImports(text: string, into: ImportReference[]): void {
  collectAt(text, declarationStarts(text, 'mod'), RUST_MOD_AT, 'rust-mod', into);
  collectAt(text, declarationStarts(text, 'use'), RUST_USE_AT, 'rust-use', into);
}

/**
 * Every line start where a match with its keyword at an occurrence of `keyword` could begin, ascending. Between
 * such a line start and the keyword the pattern allows only `[ \t]*`, or `[ \t]*pub\s+`, or `[ \t]*pub(…)\s+`
 * (which may span lines), so walking back from each occurrence finds every line start a match can begin at.
 */
function declarationStarts(text: string, keyword: string): number[] {
  const starts: number[] = [];
  for (let at = text.indexOf(keyword); at >= 0; at = text.indexOf(keyword, at + 1)) {
    const direct = blankLineStart(text, at);
    if (direct >= 0) starts.push(direct);
    for (const pub of pubBefore(text, at)) {
      const start = blankLineStart(text, pub);
      if (start >= 0) starts.push(start);
    }
  }
  return [...new Set(starts)].sort((a, b) => a - b);
}

/** Where `pub` or `pub(…)` followed by whitespace ends right before `keyword`: the positions of the `pub`. */
function pubBefore(text: string, keyword: number): number[] {
  let end = keyword;
  while (end > 0 && WHITESPACE.test(text.charAt(end - 1))) end--;
  if (end === keyword) return [];
  if (text.charCodeAt(end - 1) !== CLOSE_PARENTHESIS) return end >= 3 && text.startsWith('pub', end - 3) ? [end - 3] : [];
  // `[^)]*` inside the parentheses: any `(` after the previous `)` may be the one following `pub`.
  const found: number[] = [];
  const floor = text.lastIndexOf(')', end - 2);
  for (let open = text.lastIndexOf('(', end - 2); open > floor; open = open === 0 ? -1 : text.lastIndexOf('(', open - 1)) {
    if (open >= 3 && text.startsWith('pub', open - 3)) found.push(open - 3);
  }
  return found;
}

/** The line start from which only spaces and tabs lead to `position`, or -1 when another character intervenes. */
function blankLineStart(text: string, position: number): number {
  let start = position;
  while (start > 0 && (text.charCodeAt(start - 1) === SPACE || text.charCodeAt(start - 1) === TAB)) start--;
  return start === 0 || isLineBreak(text.charCodeAt(start - 1)) ? start : -1;
}

/** The characters after which a multiline `^` matches. */
function isLineBreak(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;
}

const SPACE = 0x20;
const TAB = 0x09;
const CLOSE_PARENTHESIS = 0x29;

/**
 * Runs the sticky pattern at each candidate start, skipping starts inside the previous match: `matchAll` resumes
 * where a match ended, and a match may span lines (`pub(crate)\nmod a;`).
 */
function collectAt(text: string, starts: readonly number[], pattern: RegExp, kind: ImportKind, into: ImportReference[]): void {
  let resumeAt = 0;
  for (const start of starts) {
    if (start < resumeAt) continue;
    pattern.lastIndex = start;
    const match = pattern.exec(text);
    if (match === null) continue;
    if (match[1]) into.push({ kind, specifier: match[1] });
    resumeAt = pattern.lastIndex;
  }
}
