/** Replacing spans of source text, then tidying whitespace without touching the inside of multi-line strings. */
import type { Span } from './syntax-scan.js';

/** Replace `[start, end)` with `text`. */
export interface TextEdit extends Span {
  readonly text: string;
}

/** Edits as removals of comments that keep the code around them intact and never join two tokens. */
export function commentRemoval(source: string, comment: Span): TextEdit {
  const lineStart = source.lastIndexOf('\n', comment.start - 1) + 1;
  const newline = source.indexOf('\n', comment.end);
  const lineEnd = newline < 0 ? source.length : newline;
  const before = source.slice(lineStart, comment.start);
  const after = source.slice(comment.end, lineEnd);
  const isAloneOnLines = before.trim() === '' && after.trim() === '';
  if (isAloneOnLines) return { start: lineStart, end: newline < 0 ? lineEnd : newline + 1, text: '' };
  const breaks = source.slice(comment.start, comment.end).split('\n').length - 1;
  // A multi-line comment between tokens acts as a line break (Go, JavaScript): keep the breaks.
  if (breaks > 0) return { start: comment.start, end: comment.end, text: '\n'.repeat(breaks) };
  if (after.trim() === '') return { start: lineStart + before.trimEnd().length, end: comment.end, text: '' };
  return { start: comment.start, end: comment.end, text: ' ' };
}

/** The text with `edits` applied (an edit overlapping an earlier one is dropped) and `protect` spans moved along. */
export function applyEdits(
  source: string,
  edits: readonly TextEdit[],
  protect: readonly Span[],
): { readonly text: string; readonly protectedSpans: readonly Span[] } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  const applied: { readonly edit: TextEdit; readonly deltaAfter: number }[] = [];
  let cursor = 0;
  let delta = 0;
  for (const edit of sorted) {
    if (edit.start < cursor) continue;
    parts.push(source.slice(cursor, edit.start), edit.text);
    delta += edit.text.length - (edit.end - edit.start);
    applied.push({ edit, deltaAfter: delta });
    cursor = edit.end;
  }
  parts.push(source.slice(cursor));
  const protectedSpans: Span[] = [];
  let index = 0;
  let shift = 0;
  for (const span of [...protect].sort((a, b) => a.start - b.start)) {
    while (index < applied.length && (applied[index]?.edit.end ?? 0) <= span.start) {
      shift = applied[index]?.deltaAfter ?? shift;
      index += 1;
    }
    const next = applied[index]?.edit;
    if (next && next.start < span.end) continue;
    protectedSpans.push({ start: span.start + shift, end: span.end + shift });
  }
  return { text: parts.join(''), protectedSpans };
}

/**
 * Trailing whitespace removed, runs of blank lines collapsed to one, leading blank lines dropped; lines a protected
 * span (a multi-line string) crosses are left exactly as they are. Line endings follow the source.
 */
export function tidyWhitespace(text: string, protectedSpans: readonly Span[]): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split('\n');
  const frozen = frozenLines(lines, protectedSpans);
  const out: string[] = [];
  let previousBlank = true;
  lines.forEach((raw, index) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (frozen.has(index)) {
      out.push(line);
      previousBlank = false;
      return;
    }
    const trimmed = line.trimEnd();
    const isBlank = trimmed === '';
    if (isBlank && previousBlank) return;
    out.push(trimmed);
    previousBlank = isBlank;
  });
  while (out.length > 0 && out.at(-1) === '') out.pop();
  return out.length === 0 ? '' : out.join(eol) + (text.endsWith('\n') ? eol : '');
}

/** Indexes of lines that a protected span starts on and continues past, or that lie inside one. */
function frozenLines(lines: readonly string[], spans: readonly Span[]): Set<number> {
  const frozen = new Set<number>();
  if (spans.length === 0) return frozen;
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  for (const span of spans) {
    const first = lineIndexAt(starts, span.start);
    const last = lineIndexAt(starts, Math.max(span.start, span.end - 1));
    for (let index = first; index <= last && last > first; index += 1) frozen.add(index);
  }
  return frozen;
}

/** Binary search: the index of the line containing `offset`. */
function lineIndexAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}
