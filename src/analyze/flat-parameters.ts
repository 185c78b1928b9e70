/**
 * A multi-line parameter of a kept signature is written on one line in a skeleton: its comments dropped, its long
 * string literals cut to their first words. FastAPI documents every parameter as
 * `name: Annotated[T, Doc("""…""")] = default` over 5–20 lines; on one line the name, type, default and the first
 * words of the documentation stay, at a third of the tokens. Inside brackets a line break is only whitespace
 * (Python's implicit line joining), so the flattened parameter parses as before.
 */
import type { Node } from 'web-tree-sitter';

/**
 * A string literal longer than this many characters (or spanning lines) inside a flattened parameter is cut to its
 * first words. 60 keeps a one-sentence summary (`"Default value if the parameter field is not set."`) whole.
 */
export const PARAMETER_STRING_CHARS = 60;

/** Characters that could end or escape a rewritten literal, or open an interpolation if a prefix survived. */
const UNSAFE_IN_LITERAL = /["'\\{}]/g;

/** The parameter's text on one line, or undefined when it already is on one line. */
export function flattenParameter(node: Node, source: string, strings: ReadonlySet<string>, comments: ReadonlySet<string>): string | undefined {
  if (node.startPosition.row === node.endPosition.row) return undefined;
  const parts: string[] = [];
  let code = '';
  let cursor = node.startIndex;
  for (const cut of innerCuts(node, strings, comments)) {
    code += source.slice(cursor, cut.start);
    cursor = cut.end;
    if (cut.isComment) {
      code += ' ';
      continue;
    }
    parts.push(tidyCode(code), cut.text);
    code = '';
  }
  parts.push(tidyCode(code + source.slice(cursor, node.endIndex)));
  return parts.join('').trim();
}

interface Cut {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly isComment: boolean;
}

/** Outermost strings and comments inside `node`, in order, each with its replacement. */
function innerCuts(node: Node, strings: ReadonlySet<string>, comments: ReadonlySet<string>): Cut[] {
  const found = node.descendantsOfType([...strings, ...comments]);
  const cuts: Cut[] = [];
  let until = -1;
  for (const child of found) {
    if (!child || child.startIndex < until) continue;
    until = child.endIndex;
    const isComment = comments.has(child.type);
    cuts.push({ start: child.startIndex, end: child.endIndex, text: isComment ? '' : shortLiteral(child.text), isComment });
  }
  return cuts;
}

/** A one-line literal stays; a long or multi-line one becomes a plain literal with its first paragraph's words. */
function shortLiteral(text: string): string {
  if (text.length <= PARAMETER_STRING_CHARS && !text.includes('\n')) return text;
  const body = text.replace(/^[A-Za-z]*("""|'''|"|')/, '').replace(/("""|'''|"|')$/, '');
  const paragraph = body.trim().split(/\n\s*\n/)[0] ?? '';
  const words = paragraph.replace(UNSAFE_IN_LITERAL, '').replace(/\s+/g, ' ').trim();
  const isWhole = words.length <= PARAMETER_STRING_CHARS && paragraph.length === body.trim().length;
  if (isWhole) return `"${words}"`;
  if (words.length <= PARAMETER_STRING_CHARS) return `"${words.replace(/\.$/, '')}..."`;
  // Cut at a word boundary when there is one.
  const cut = words.slice(0, PARAMETER_STRING_CHARS).replace(/\s+\S*$/, '');
  return `"${cut.length > 0 ? cut : words.slice(0, PARAMETER_STRING_CHARS)}..."`;
}

/** Code between literals: line breaks and the indentation around them become one space, none inside brackets. */
function tidyCode(text: string): string {
  return text
    .replace(/[ \t]*\\?[ \t]*\r?\n\s*/g, ' ')
    .replace(/ {2,}/g, ' ')
    .replace(/([[(]) +/g, '$1')
    .replace(/ +([\])])/g, '$1')
    .replace(/ +,/g, ',');
}
