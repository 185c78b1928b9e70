/**
 * The validity property at the bundle level: a `stripped` or `skeleton` variant is built from a parse without being
 * re-parsed (`Variant.unverified`), and only the ones a final plan shows are parse-checked. On a 3.1k-file repository
 * at 256k, 560 files were parsed and the bundle showed 110 stripped texts: re-parsing every stripped text (about 85 %
 * of its source) had cost a third of analysis time, for representations most packs never show.
 */
import type { FitCandidate } from './fit/index.js';
import type { Plan, Variant } from './shared/types.js';

/** A text to parse-check in a language. */
export interface RepresentationCheck {
  readonly language: string | undefined;
  readonly text: string;
}

/** Checks representations with the pack's grammars; `dispose` must be called once the fit is done. */
export interface SyntaxChecker {
  /** For each text, in order: true when it parses with no ERROR or MISSING node (false without a grammar). */
  verify(checks: readonly RepresentationCheck[]): Promise<readonly boolean[]>;
  dispose(): void;
}

/**
 * Plans refitted after failed checks before every still unchecked variant is dropped: each failure already removes a
 * variant, so this only bounds pathological cases (every real-corpus check so far found ~100 % valid).
 */
export const MAX_CHECK_ROUNDS = 4;

/** Which of a plan's shown variants were checked clean (`path` and level), kept across the refits of one pack. */
export type CheckedVariants = Set<string>;

const variantKey = (path: string, level: Variant['level']): string => `${path}\u0000${level}`;

function isUnverified(variant: Variant): boolean {
  return variant.level !== 'path' && variant.unverified === true;
}

function checkOf(language: string | undefined, variant: Variant): RepresentationCheck {
  return { language, text: variant.level === 'path' ? '' : variant.text };
}

/**
 * Parse-check the plan's shown unverified variants not checked yet, in one batch. Returns the keys that failed (empty:
 * the plan stands); the ones that passed join `checked`.
 */
export async function checkShown(plan: Plan, checker: SyntaxChecker, checked: CheckedVariants): Promise<Set<string>> {
  const shown = plan.entries.filter(
    (entry) => entry.section === undefined && isUnverified(entry.variant) && !checked.has(variantKey(entry.path, entry.variant.level)),
  );
  const failed = new Set<string>();
  if (shown.length === 0) return failed;
  const verdicts = await checker.verify(shown.map((entry) => checkOf(entry.language, entry.variant)));
  shown.forEach((entry, index) => {
    const key = variantKey(entry.path, entry.variant.level);
    if (verdicts[index] === true) checked.add(key);
    else failed.add(key);
  });
  return failed;
}

/** The candidates without the failed variants (a file's other levels stay as they were). */
export function withoutFailed(candidates: readonly FitCandidate[], failed: ReadonlySet<string>): FitCandidate[] {
  return candidates.map((candidate) => {
    if (candidate.section !== undefined) return candidate;
    const keep = (variant: Variant) => !(isUnverified(variant) && failed.has(variantKey(candidate.path, variant.level)));
    return candidate.variants.every(keep) ? candidate : { ...candidate, variants: candidate.variants.filter(keep) };
  });
}

/** The candidates with every variant not checked clean removed: the bound of MAX_CHECK_ROUNDS, or no checker. */
export function withoutUnchecked(candidates: readonly FitCandidate[], checked: CheckedVariants): FitCandidate[] {
  return candidates.map((candidate) => {
    if (candidate.section !== undefined) return candidate;
    const keep = (variant: Variant) => !isUnverified(variant) || checked.has(variantKey(candidate.path, variant.level));
    return candidate.variants.every(keep) ? candidate : { ...candidate, variants: candidate.variants.filter(keep) };
  });
}

/**
 * Every unverified variant checked up front, the failed ones dropped, the checker disposed: for fits that cannot refit
 * (`--split`, whose parts are fitted together), at the cost of re-parsing what no part shows.
 */
export async function checkedCandidates(candidates: readonly FitCandidate[], checker: SyntaxChecker | undefined): Promise<FitCandidate[]> {
  if (checker === undefined) return withoutUnchecked(candidates, new Set());
  try {
    const entries = candidates.flatMap((candidate) =>
      candidate.section !== undefined ? [] : candidate.variants.filter(isUnverified).map((variant) => ({ candidate, variant })),
    );
    const verdicts = await checker.verify(entries.map(({ candidate, variant }) => checkOf(candidate.language, variant)));
    const failed = entries.filter((_, index) => verdicts[index] !== true);
    return withoutFailed(candidates, new Set(failed.map(({ candidate, variant }) => variantKey(candidate.path, variant.level))));
  } finally {
    checker.dispose();
  }
}
