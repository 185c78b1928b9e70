/**
 * represent: a file (and its syntax facts, when any) in → its variants from richest to cheapest, each with its
 * token count (exact or estimated, as the caller's counter gives it): full, stripped, skeleton, outline, head, path. Pure; counting comes in as a `Tokenizer`.
 */
export { buildVariants, unparsedVariants, hasOverlongLine, MAX_SHOWN_LINE_CHARS, type VariantInput, type TokenCount } from './build-variants.js';
export { stripComments, canStripComments } from './strip-comments.js';
export { tidyWhitespace, headOfText } from './text-variants.js';
