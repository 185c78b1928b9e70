/**
 * A fast token estimate from character classes, used to price the many variants `fit` may never choose; whatever
 * enters the bundle is counted exactly afterwards.
 *
 * Calibrated with o200k on ~6,000 files of four real repositories (TypeScript/Rust, Python with translated docs, Go):
 * median 0.253 tokens per ASCII character on ASCII files, 0.483 per non-ASCII character on the rest; the estimate over
 * exact count was 0.68–1.30 between the 5th and 95th percentile, median 1.00. cl100k differs from o200k by ~1%.
 */
const TOKENS_PER_ASCII_CHAR = 0.253;
const TOKENS_PER_OTHER_CHAR = 0.483;

export function estimateTokens(text: string): number {
  let ascii = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 128) ascii++;
  return Math.ceil(ascii * TOKENS_PER_ASCII_CHAR + (text.length - ascii) * TOKENS_PER_OTHER_CHAR);
}
