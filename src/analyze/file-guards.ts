/** Files tree-sitter should not be asked to parse: huge ones and minified bundles. */
import type { SourceFile } from '../shared/types.js';
import type { SyntaxFailure } from './syntax-types.js';

/** Above this size a file is data or generated code; parsing it costs more than any skeleton saves. */
export const MAX_PARSE_BYTES = 1_000_000;

/** Hand-written code averages 30–50 characters a line; minified bundles run to thousands. */
export const MINIFIED_AVERAGE_LINE_CHARS = 300;

/** A single line this long is a bundle or embedded data even when the average looks normal. */
export const MINIFIED_LINE_CHARS = 10_000;

/** A failure record when the file should not be parsed, else undefined. */
export function checkParseable(file: SourceFile): SyntaxFailure | undefined {
  const size = Math.max(file.bytes, file.text.length);
  if (size > MAX_PARSE_BYTES) {
    return { failure: 'too-large', detail: `${size} bytes > ${MAX_PARSE_BYTES} bytes` };
  }
  let lines = 1;
  let longest = 0;
  let lineStart = 0;
  for (let index = 0; index < file.text.length; index += 1) {
    if (file.text.charCodeAt(index) !== 10) continue;
    longest = Math.max(longest, index - lineStart);
    lineStart = index + 1;
    lines += 1;
  }
  longest = Math.max(longest, file.text.length - lineStart);
  const average = file.text.length / lines;
  if (average > MINIFIED_AVERAGE_LINE_CHARS || longest > MINIFIED_LINE_CHARS) {
    return { failure: 'minified', detail: `average line ${Math.round(average)} chars, longest ${longest}` };
  }
  return undefined;
}
