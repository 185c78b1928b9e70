/**
 * Long multi-line string literals outside elided bodies (parameter documentation inside signatures, embedded SQL,
 * templates, help texts) are cut in a skeleton to their first lines; the literal stays a literal, so the file still
 * parses. Docstrings are never cut: they are statements of their own, not values.
 */
import type { Node } from 'web-tree-sitter';
import type { LanguageRules } from './language-rules.js';
import type { ElisionSpan, Span } from './syntax-scan.js';
import { elisionAt } from './syntax-nodes.js';
import type { TextEdit } from './text-edits.js';

/**
 * A string spanning at least this many lines is cut. FastAPI's `Doc("""…""")` parameter texts run 5–20 lines and
 * made its skeletons 13× larger than Repomix's; a four-line literal is usually a value a reader needs whole.
 */
export const LONG_STRING_LINES = 5;

/** Interpolations may span lines; cutting between them could leave an unclosed `${` or `{`. */
const INTERPOLATION = /interpolat|substitution/;

/** True when the node is a long literal whose inner lines may be dropped. */
export function isLongString(node: Node, rules: LanguageRules): boolean {
  if (!rules.longStrings?.has(node.type)) return false;
  if (node.endPosition.row - node.startPosition.row + 1 < LONG_STRING_LINES) return false;
  // A bare string statement is a docstring (Python) or a directive: documentation, kept whole.
  if (node.parent?.type === 'expression_statement') return false;
  // Python's one-quote strings reach a second line only through a backslash continuation; cutting one breaks it.
  if (rules.elision === 'python' && !/^[A-Za-z]*("""|''')/.test(node.text)) return false;
  return !node.namedChildren.some((child) => child !== null && INTERPOLATION.test(child.type));
}

/**
 * Keep the opening line (and the first line with words when the opener is only a delimiter, like `"""`), then an
 * ASCII note (Python bytes literals reject `…`), then the closing line unchanged.
 */
export function longStringEdit(source: string, span: Span): TextEdit | undefined {
  const lines = source.slice(span.start, span.end).split('\n');
  let keep = 1;
  if (!/[A-Za-z0-9]{3}/.test(lines[0] ?? '')) {
    while (keep < lines.length - 1 && (lines[keep] ?? '').trim() === '') keep += 1;
    keep += 1;
  }
  const cut = lines.length - 1 - keep;
  if (cut < 2) return undefined;
  // A trailing backslash would continue the line into the note, or escape it.
  const kept = lines.slice(0, keep).join('\n').trimEnd().replace(/\\+$/, '');
  return { start: span.start, end: span.end, text: `${kept} ... (${cut} more lines)\n${lines.at(-1) ?? ''}` };
}

/**
 * A docstring cut to its first paragraph, closed by `..."""` at the docstring's indentation, or undefined when it
 * has one paragraph only. The first paragraph is the summary tools and readers look for (PEP 257); FastAPI's
 * docstrings go on with usage examples and links for dozens of lines.
 */
export function docstringSummary(text: string, column: number): string | undefined {
  const delimiter = /^[A-Za-z]*("""|''')/.exec(text)?.[1];
  if (delimiter === undefined) return undefined;
  const lines = text.split('\n');
  const isBlank = (index: number): boolean => (lines[index] ?? '').trim() === '';
  const opener = (lines[0] ?? '').replace(/^[A-Za-z]*("""|''')/, '');
  let end = 1;
  if (opener.trim() === '') {
    while (end < lines.length - 1 && isBlank(end)) end += 1;
    end += 1;
  }
  while (end < lines.length - 1 && !isBlank(end)) end += 1;
  const rest = lines.slice(end).join('\n').replace(/("""|''')\s*$/, '');
  if (rest.trim() === '') return undefined;
  return `${lines.slice(0, end).join('\n')}\n${' '.repeat(column)}...${delimiter}`;
}

/** A bare string statement outside bodies (class, module and attribute docstrings) keeps its first paragraph. */
export function docstringElision(node: Node): ElisionSpan | undefined {
  if (node.parent?.type !== 'expression_statement' || node.parent.namedChildCount !== 1) return undefined;
  const text = docstringSummary(node.text, node.startPosition.column);
  if (text === undefined) return undefined;
  return elisionAt('docstring', node, { text });
}
