/** The three syntax-based representations, built from one `SyntaxScan` of the source text. */
import type { ElisionStyle } from './language-rules.js';
import type { ElisionSpan, SyntaxScan } from './syntax-scan.js';
import type { TextEdit } from './text-edits.js';
import { applyEdits, commentRemoval, tidyWhitespace } from './text-edits.js';
import { docstringSummary, longStringEdit } from './long-strings.js';
import { docCommentEdit, lineDocEdits } from './doc-comments.js';

/** Comments removed except kept ones, whitespace tidied. */
export function buildStripped(source: string, scan: SyntaxScan): string {
  const edits = removableComments(source, scan, []);
  const applied = applyEdits(source, edits, scan.multilineStrings);
  return tidyWhitespace(applied.text, applied.protectedSpans);
}

/** Bodies and long initialisers elided, plain comments removed; `elidedLines` counts source lines no longer shown. */
export function buildSkeleton(
  source: string,
  scan: SyntaxScan,
  style: ElisionStyle,
): { readonly text: string; readonly elidedLines: number } {
  const elisionEdits: TextEdit[] = [];
  let elidedLines = 0;
  for (const edit of outermost(scan.elisions.map((span) => elisionEdit(source, span, style)))) {
    elisionEdits.push(edit);
    elidedLines += countLines(source, edit.start, edit.end) - countLines(edit.text, 0, edit.text.length);
  }
  const docEdits = [
    ...scan.comments.map((comment) => docCommentEdit(source, comment)).filter((edit) => edit !== undefined),
    ...lineDocEdits(source, scan.comments),
  ];
  const edits = [...elisionEdits, ...removableComments(source, scan, elisionEdits), ...docEdits];
  const applied = applyEdits(source, edits, scan.multilineStrings);
  return { text: tidyWhitespace(applied.text, applied.protectedSpans), elidedLines };
}

/** The edits not inside another one (a statement run holds the bodies it elides), by start. */
function outermost(edits: readonly (TextEdit | undefined)[]): TextEdit[] {
  const sorted = edits
    .filter((edit): edit is TextEdit => edit !== undefined)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: TextEdit[] = [];
  for (const edit of sorted) {
    const previous = kept.at(-1);
    if (previous && edit.start < previous.end) continue;
    kept.push(edit);
  }
  return kept;
}

function removableComments(source: string, scan: SyntaxScan, elided: readonly TextEdit[]): TextEdit[] {
  return scan.comments
    .filter((comment) => !comment.isKept)
    .filter((comment) => !elided.some((edit) => edit.start <= comment.start && comment.end <= edit.end))
    .map((comment) => commentRemoval(source, comment));
}

function countLines(text: string, start: number, end: number): number {
  let lines = 1;
  for (let index = start; index < end; index += 1) if (text.charCodeAt(index) === 10) lines += 1;
  return lines;
}

/**
 * The elided source lines, 1-based and inclusive: `13-39`, or `13`. Bare numbers inside the elision comment cost
 * 2–3 tokens fewer per marker than `… lines 13–39` (o200k), and a skeleton has one marker per function.
 */
function lineRange(first: number, last: number): string {
  return first >= last ? `${first}` : `${first}-${last}`;
}

function elisionEdit(source: string, span: ElisionSpan, style: ElisionStyle): TextEdit | undefined {
  switch (span.kind) {
    case 'collection':
      return collectionEdit(source, span, style);
    case 'string':
      return longStringEdit(source, span);
    case 'body':
      return bodyEdit(source, span, style);
    case 'run':
      // Only brace languages declare run statements so far; a block comment stands anywhere a statement could.
      return style === 'brace' ? { start: span.start, end: span.end, text: `/* ${lineRange(span.startRow + 1, span.endRow + 1)} */` } : undefined;
    case 'parameter':
    case 'docstring':
      return span.text === undefined ? undefined : { start: span.start, end: span.end, text: span.text };
  }
}

function bodyEdit(source: string, span: ElisionSpan, style: ElisionStyle): TextEdit | undefined {
  // Interior lines, 1-based: the rows strictly between the opening and closing lines for braces; a body on one or
  // two lines names its own.
  const hasInterior = span.endRow - span.startRow >= 2;
  const inner = hasInterior ? lineRange(span.startRow + 2, span.endRow) : lineRange(span.startRow + 1, span.endRow + 1);
  const isShort = span.endRow - span.startRow + 1 < MARKER_MIN_LINES;
  switch (style) {
    case 'brace':
      return { start: span.start, end: span.end, text: isShort ? '{/* ... */}' : `{ /* ${inner} */ }` };
    case 'bash':
      return { start: span.start, end: span.end, text: `{ : ${inner}; }` };
    case 'ruby':
      return { start: span.start, end: span.end, text: `# ${lineRange(span.startRow + 1, span.endRow + 1)}` };
    case 'python':
      return pythonBodyEdit(source, span);
  }
}

/**
 * A body shorter than this many lines becomes a bare `...` in Python (2 tokens) and `{/* ... *\/}` in brace
 * languages (3 tokens); a longer one names its lines (`...  # 38-53`, 9 tokens; `{ /* 13-39 *\/ }`, 8). Test
 * modules are mostly short bodies: on FastAPI the markers were an eighth of all skeleton tokens. Measured there
 * (Python skeleton share of full tokens): a range on every marker 26.4 %, from 10 lines 24.2 %, from 15 lines 23.7 %
 * (Repomix 23.9 %), on none 22.9 %; a short body's place is plain from the definition above it.
 */
export const MARKER_MIN_LINES = 15;

function pythonMarker(first: number, last: number): string {
  return last - first + 1 < MARKER_MIN_LINES ? '...' : `...  # ${lineRange(first, last)}`;
}

/** Python keeps the docstring's first paragraph, then `...` at the body's indentation. */
function pythonBodyEdit(source: string, span: ElisionSpan): TextEdit | undefined {
  if (span.keepUntil === undefined) {
    return { start: span.start, end: span.end, text: pythonMarker(span.startRow + 1, span.endRow + 1) };
  }
  const summary = docstringSummary(source.slice(span.start, span.keepUntil), span.indentColumn);
  const docstring = summary ?? source.slice(span.start, span.keepUntil);
  const rest = source.slice(span.keepUntil, span.end);
  if (rest.trim() === '') return summary === undefined ? undefined : { start: span.start, end: span.keepUntil, text: summary };
  const firstRow = span.startRow + countLines(source, span.start, span.keepUntil);
  const restStart = span.keepUntil + (rest.length - rest.trimStart().length);
  const firstRestRow = firstRow - 1 + countLines(source, span.keepUntil, restStart);
  const indent = ' '.repeat(span.indentColumn);
  return {
    start: span.start,
    end: span.end,
    text: `${docstring}\n${indent}${pythonMarker(firstRestRow, span.endRow + 1)}`,
  };
}

const CLOSERS: Readonly<Record<string, string>> = { '[': ']', '{': '}', '(': ')' };

/** A long literal keeps its brackets with an elision comment inside; Python gets `[...]` plus a trailing comment. */
function collectionEdit(source: string, span: ElisionSpan, style: ElisionStyle): TextEdit | undefined {
  const text = source.slice(span.start, span.end);
  const openAt = text.search(/[[{(]/);
  const opener = openAt < 0 ? undefined : text[openAt];
  if (opener === undefined || text.at(-1) !== CLOSERS[opener] || text.slice(0, openAt).includes('\n')) {
    return undefined;
  }
  const head = text.slice(0, openAt + 1);
  const range = lineRange(span.startRow + 2, span.endRow);
  if (style === 'python') {
    // A trailing comment is only safe when nothing else follows on the closing line.
    const lineEnd = source.indexOf('\n', span.end);
    const isLineEnd = source.slice(span.end, lineEnd < 0 ? source.length : lineEnd).trim() === '';
    // A decorator's argument table needs no note: the decorated definition's own line says where it is.
    const note = isLineEnd && !span.isArguments ? `  # ${range}` : '';
    return { start: span.start, end: span.end, text: `${head}...${CLOSERS[opener]}${note}` };
  }
  return { start: span.start, end: span.end, text: `${head} /* ${range} */ ${CLOSERS[opener]}` };
}
