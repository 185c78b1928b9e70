import type { Level, Variant } from '../shared/types.js';

/**
 * How much of a file's worth each level keeps, from 1 (the whole file) to 0 (only its path). Hand-set: a stripped
 * file loses only comments; a skeleton keeps the API a neighbour needs; an outline only names; a head of a file is
 * worth the share of the file it shows, capped below an outline of the whole.
 */
const LEVEL_WORTH: Readonly<Record<Level, number>> = {
  full: 1,
  stripped: 0.95,
  skeleton: 0.7,
  outline: 0.4,
  head: 0.35,
  path: 0,
};

/** Share of the file a head must show to be worth LEVEL_WORTH.head. */
const HEAD_FULL_WORTH_SHARE = 0.5;

/** Worth of showing a file at this variant, as a fraction of the file's score. */
export function variantWorth(variant: Variant, fullTokens: number): number {
  if (variant.level !== 'head') return LEVEL_WORTH[variant.level];
  const shownShare = fullTokens > 0 ? Math.min(1, variant.tokens / fullTokens) : 0;
  return LEVEL_WORTH.head * Math.min(1, 0.3 + shownShare / HEAD_FULL_WORTH_SHARE);
}
