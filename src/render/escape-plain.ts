/**
 * Delimiters for the plain style. A block is `==== title ====`, its lines, then a line holding only the same `=` run.
 * The run is longer than any `=` run that starts a line of the block, so no line inside can be taken for its end.
 */

/** Shortest run; five is visibly a rule, not an operator like `==` or `===`. */
const MIN_DELIMITER_LENGTH = 5;
/** A run of `=` at the start of a line; `\r` counts as a line break because some readers treat it as one. */
const LINE_START_RUN = /(?:^|[\n\r])(=+)/g;

/** Length of the longest `=` run at the start of a line of `text` (0 if none). */
export function longestLineStartRun(text: string): number {
  let longest = 0;
  for (const match of text.matchAll(LINE_START_RUN)) longest = Math.max(longest, (match[1] ?? '').length);
  return longest;
}

/** A `=` run that no line of `text` starts with: at least 5, longer than every line-start run in `text`. */
export function delimiterFor(text: string): string {
  return '='.repeat(Math.max(MIN_DELIMITER_LENGTH, longestLineStartRun(text) + 1));
}
