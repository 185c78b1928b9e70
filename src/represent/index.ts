/**
 * represent: a file (and its syntax facts, when any) in → its variants from richest to cheapest, each with its
 * exact token count: full, stripped, skeleton, outline, head, path. Pure; counting comes in as a `Tokenizer`.
 */
export { buildVariants, type VariantInput } from './build-variants.js';
export { stripComments, canStripComments } from './strip-comments.js';
export { tidyWhitespace, headOfText } from './text-variants.js';
