/** Text-only representations: whitespace tidying and the first lines of a file. */

/**
 * Trailing spaces removed, lines left empty by comment removal dropped, runs of blank lines collapsed to one.
 * `original` tells which lines were blank before, so a removed comment does not leave a blank gap behind.
 */
export function tidyWhitespace(text: string, original?: string): string {
  const lines = text.split('\n').map((line) => line.replace(/[ \t\r]+$/, ''));
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
export function headOfText(text: string, maxChars: number): { text: string; shownLines: number; totalLines: number } {
  const totalLines = countLines(text);
  if (text.length <= maxChars) return { text, shownLines: totalLines, totalLines };
  const cut = text.lastIndexOf('\n', maxChars);
  const head = cut > 0 ? text.slice(0, cut + 1) : text.slice(0, maxChars) + '\n';
  return { text: head, shownLines: countLines(head), totalLines };
}

export function countLines(text: string): number {
  if (text.length === 0) return 0;
  let lines = 1;
  for (let i = 0; i < text.length - 1; i++) if (text.charCodeAt(i) === 10) lines++;
  return lines;
}
