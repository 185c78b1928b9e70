/** Text-only representations: whitespace tidying and the first lines of a file. */

/** Remove trailing spaces, tabs and carriage returns (a loop: a `[ \t\r]+$` regex is slow on long lines). */
function trimTrailingBlanks(line: string): string {
  let end = line.length;
  for (let code = line.charCodeAt(end - 1); code === 32 || code === 9 || code === 13; code = line.charCodeAt(end - 1)) end--;
  return end === line.length ? line : line.slice(0, end);
}

/**
 * Trailing spaces removed, lines left empty by comment removal dropped, runs of blank lines collapsed to one.
 * `original` tells which lines were blank before, so a removed comment does not leave a blank gap behind.
 */
export function tidyWhitespace(text: string, original?: string): string {
  const lines = text.split('\n').map(trimTrailingBlanks);
  const originalLines = original?.split('\n');
  // Line-aligned with the original: a line blank now but not before held only a removed comment.
  const aligned = originalLines !== undefined && originalLines.length === lines.length;
  const kept: string[] = [];
  lines.forEach((line, index) => {
    if (line !== '') return void kept.push(line);
    if (aligned && originalLines[index]!.trim() !== '') return;
    if (kept.length > 0 && kept[kept.length - 1] !== '') kept.push('');
  });
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  return kept.length === 0 ? '' : kept.join('\n') + '\n';
}

/** A prefix of the text cut at a line end, at most `maxChars` long (at least one line, hard-cut if it is huge). */
export function headOfText(text: string, maxChars: number): { text: string; shownLines: number } {
  if (text.length <= maxChars) return { text, shownLines: countLines(text) };
  const cut = text.lastIndexOf('\n', maxChars);
  const head = cut > 0 ? text.slice(0, cut + 1) : text.slice(0, maxChars) + '\n';
  return { text: head, shownLines: countLines(head) };
}

/** Lines in a text; a final newline does not start another line. */
export function countLines(text: string): number {
  if (text.length === 0) return 0;
  let lines = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < text.length - 1; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}
