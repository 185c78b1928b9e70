/**
 * Block doc comments (`/** … *\/`) in a skeleton keep their first paragraph: the summary a reader scans for. The
 * rest (examples, `@param` tables, long explanations) belongs to the full text.
 */
import type { CommentSpan } from './syntax-scan.js';
import type { TextEdit } from './text-edits.js';

/** A line that ends the first paragraph: blank (` *`) or the start of a tag block (` * @param`). */
const PARAGRAPH_END = /^\s*\*?\s*(@\w+.*)?$/;

/** The edit cutting a kept `/** … *\/` comment after its first paragraph, or undefined when nothing would go. */
export function docCommentEdit(source: string, comment: CommentSpan): TextEdit | undefined {
  const text = source.slice(comment.start, comment.end);
  if (!comment.isKept || !text.startsWith('/**') || !text.endsWith('*/')) return undefined;
  const lines = text.split('\n');
  if (lines.length < 4) return undefined;
  let end = 1;
  // The summary may start on the opening line or on the next one.
  if (/^\/\*\*\s*$/.test(lines[0] ?? '')) {
    while (end < lines.length - 1 && PARAGRAPH_END.test(lines[end] ?? '') && !/@/.test(lines[end] ?? '')) end += 1;
    end += 1;
  }
  while (end < lines.length - 1 && !PARAGRAPH_END.test(lines[end] ?? '')) end += 1;
  if (end >= lines.length - 1) return undefined;
  const closing = lines.at(-1) ?? ' */';
  const prefix = closing.slice(0, closing.lastIndexOf('*/'));
  const kept = lines.slice(0, end).join('\n');
  // A kept line ending in `*/` would already have closed the comment (a one-line summary cannot, but be sure).
  if (kept.includes('*/')) return undefined;
  return { start: comment.start, end: comment.end, text: `${kept}\n${prefix}* ...\n${prefix}*/` };
}

/** `///` and `//!` doc lines (Rust, C#, Swift): one comment node per line. */
const LINE_DOC = /^\/\/[/!](?!\/)/;

/**
 * Edits cutting each run of line doc comments (consecutive `///` lines) after its first paragraph, ended by an
 * empty `///` line; the cut lines become one `/// ...`.
 */
export function lineDocEdits(source: string, comments: readonly CommentSpan[]): TextEdit[] {
  const edits: TextEdit[] = [];
  let index = 0;
  while (index < comments.length) {
    const run = lineDocRun(source, comments, index);
    index += Math.max(run.length, 1);
    const blank = run.findIndex((comment) => source.slice(comment.start, comment.end).replace(LINE_DOC, '').trim() === '');
    const last = run.at(-1);
    const cutFrom = run[blank];
    if (blank < 1 || blank >= run.length - 1 || !last || !cutFrom) continue;
    const marker = source.slice(cutFrom.start, cutFrom.start + 3);
    edits.push({ start: cutFrom.start, end: last.end, text: `${marker} ...` });
  }
  return edits;
}

/** The kept line doc comments from `index` on, each on the line after the previous one. */
function lineDocRun(source: string, comments: readonly CommentSpan[], index: number): CommentSpan[] {
  const run: CommentSpan[] = [];
  for (let at = index; at < comments.length; at += 1) {
    const comment = comments[at];
    if (!comment || !comment.isKept || !LINE_DOC.test(source.slice(comment.start, comment.start + 4))) break;
    const previous = run.at(-1);
    if (previous && !/^[ \t]*\r?\n[ \t]*$/.test(source.slice(previous.end, comment.start))) break;
    run.push(comment);
  }
  return run;
}
