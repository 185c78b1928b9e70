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
