/** Small text helpers shared by the document and data summaries. Pure. */

/** A cheaper view of a document or data file. `text` is strictly shorter than the input it summarises. */
export interface Summary {
  readonly level: 'skeleton' | 'outline';
  readonly text: string;
  /** Short human note shown with the file, e.g. `headings of 2,314 lines`. */
  readonly note: string;
}

/** Marks where text was cut; one character so a cut never costs more than it saves. */
export const CUT_MARK = '…';

/** `1234567` → `1,234,567`, independent of the host locale so output bytes never depend on it. */
export function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `1 more item`, `2 more items`: the count formatted, the noun pluralised with `s`. */
export function countOf(count: number, noun: string): string {
  return `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * Cut `text` to at most `maxChars` code units plus {@link CUT_MARK}; unchanged when it already fits.
 * Never splits a surrogate pair, so the result is always well-formed UTF-16.
 */
export function truncateText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  let end = maxChars;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end).trimEnd() + CUT_MARK;
}

/** Lines of `text`, accepting `\n`, `\r\n` and lone `\r`; a final line break does not add an empty line. */
export function splitLines(text: string): string[] {
  if (text.length === 0) return [];
  const lines = text.split(/\r\n|\r|\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Number of lines as an editor would show them, for notes like `of 2,314 lines`. */
export function countLines(text: string): number {
  return splitLines(text).length;
}

/** Width of the leading run of spaces and tabs. A tab counts as one column: we only compare, never align. */
export function indentOf(line: string): number {
  return /^[ \t]*/.exec(line)?.[0].length ?? 0;
}
