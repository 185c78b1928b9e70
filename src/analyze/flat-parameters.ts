/**
 * A multi-line parameter of a kept signature is written on one line in a skeleton: its comments dropped, its long
 * string literals cut to their first words. FastAPI documents every parameter as
 * `name: Annotated[T, Doc("""…""")] = default` over 5–20 lines; on one line the name, type, default and the first
 * words of the documentation stay, at a third of the tokens. Inside brackets a line break is only whitespace
 * (Python's implicit line joining), so the flattened parameter parses as before.
 */
import type { Node } from 'web-tree-sitter';
import type { LanguageRules } from './language-rules.js';
import type { ElisionSpan } from './syntax-scan.js';
import { LONG_INITIALISER_LINES } from './syntax-scan.js';
import { elisionAt } from './syntax-nodes.js';

/**
 * A string literal longer than this many characters (or spanning lines) inside a flattened parameter is cut to its
 * first words. 60 keeps a one-sentence summary (`"Default value if the parameter field is not set."`) whole.
 */
export const PARAMETER_STRING_CHARS = 60;

/** Characters that could end or escape a rewritten literal, or open an interpolation if a prefix survived. */
const UNSAFE_IN_LITERAL = /["'\\{}]/g;

/**
 * A parameter with a default whose text (flattened) is at least this long and already appeared in an earlier
 * signature of the file is written `name=...`. FastAPI's `get`, `put`, `post`, … repeat the same 25 documented
 * parameters: 19k of the 53k skeleton tokens of its package were such repeats.
 */
export const REPEATED_PARAMETER_CHARS = 20;

/** Parameter node types that carry a default, so `name=...` keeps the parameter list's meaning. */
const WITH_DEFAULT = new Set(['typed_default_parameter', 'default_parameter']);

/**
 * The skeleton's edit for one parameter of a kept signature: a repeat written `name=...`, a multi-line one on one
 * line, else none. `seen` holds the file's earlier parameter texts and is updated.
 */
export function parameterElision(node: Node, source: string, rules: LanguageRules, seen: Set<string>): ElisionSpan | undefined {
  const joined = flattenParameter(node, source, rules);
  // On one line an import needs no parentheses (and may then have no trailing comma).
  const flat = node.type === 'import_from_statement' ? joined?.replace(/\bimport \((.*?),?\)$/, 'import $1') : joined;
  const key = flat ?? node.text;
  const name = node.childForFieldName('name');
  const isRepeat = WITH_DEFAULT.has(node.type) && name?.type === 'identifier' && key.length >= REPEATED_PARAMETER_CHARS && seen.has(key);
  seen.add(key);
  const text = isRepeat ? `${name.text}=...` : flat;
  if (text === undefined) return undefined;
  return elisionAt('parameter', node, { text });
}

/** The parameter's text on one line, or undefined when it already is on one line. */
export function flattenParameter(node: Node, source: string, rules: LanguageRules): string | undefined {
  if (node.startPosition.row === node.endPosition.row) return undefined;
  const parts: string[] = [];
  let code = '';
  let cursor = node.startIndex;
  for (const cut of innerCuts(node, rules)) {
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

/** Outermost long collections, strings and comments inside `node`, in order, each with its replacement. */
function innerCuts(node: Node, rules: LanguageRules): Cut[] {
  const strings = rules.longStrings ?? rules.strings;
  const found = node.descendantsOfType([...rules.collections, ...strings, ...rules.comments]);
  const cuts: Cut[] = [];
  let until = -1;
  for (const child of found) {
    if (!child || child.startIndex < until) continue;
    const isComment = rules.comments.has(child.type);
    const isCollection = rules.collections.has(child.type);
    // A call's arguments are code (`Body(examples={…})`): only the literal inside is data.
    if (isCollection && (child.type === 'argument_list' || child.endPosition.row - child.startPosition.row < LONG_INITIALISER_LINES)) {
      continue;
    }
    until = child.endIndex;
    const text = isComment ? '' : isCollection ? elidedCollection(child.text) : shortLiteral(child.text);
    cuts.push({ start: child.startIndex, end: child.endIndex, text, isComment });
  }
  return cuts;
}

/** `{...}`, `[...]`, `(...)`: Python's Ellipsis is a valid element of each. */
function elidedCollection(text: string): string {
  return `${text[0] ?? '('}...${text.at(-1) ?? ')'}`;
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
