/**
 * Line-framed styles (markdown, plain) put their closing line after the content, so content that does not end with
 * a line feed gets one. Readers of those styles therefore see `withFinalNewline(text)`; xml and json keep `text` exact.
 */
export function withFinalNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}
