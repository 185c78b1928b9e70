/**
 * Parse only what a plan shows below full. Files a grammar supports first offer placeholders for the levels only a
 * parse builds (stripped, skeleton, outline), priced optimistically; every plan that chooses one stops, those files
 * are parsed in one batch and get their real variants, and the fit starts again. A placeholder is cheaper than the
 * real variant, so a file whose placeholder was not chosen would not have been chosen with its real variant either:
 * the last plan is (nearly always) the plan an eager parse of every file gives, at the cost of the files it shows.
 */
import type { BundlePricer, FitCandidate } from './fit/index.js';
import { checkShown, MAX_CHECK_ROUNDS, withoutFailed, withoutUnchecked, type CheckedVariants, type SyntaxChecker } from './pack-shown-checks.js';
import type { Plan, Variant } from './shared/types.js';

/**
 * Placeholder prices as shares of the file's full tokens: about the 5th percentile of real/full ratios of 5,794
 * variants of files over 50 tokens in fastapi, prometheus, gin, zod and express (estimated tokens; p5 / p10 / p50:
 * stripped 0.35 / 0.46 / 0.85, skeleton 0.022 / 0.044 / 0.22, outline 0.013 / 0.025 / 0.12). Lower parses more
 * files; higher lets a file whose real variant is cheaper than its placeholder miss a plan the eager parse makes.
 */
const PLACEHOLDER_SHARE = { stripped: 0.35, skeleton: 0.022, outline: 0.013 } as const;

/** Same rule as build-variants.ts: a cheaper level must save this share over the richer one kept before it. */
const MIN_SAVING_SHARE = 0.03;

/**
 * Rounds of parsing before remaining placeholders are dropped (each round parses at least one file, so this only
 * bounds pathological cases; fastapi and prometheus at 32k–256k settle in a few rounds).
 */
export const MAX_SYNTAX_ROUNDS = 12;

/**
 * Above this many listed files the pack parses its pool eagerly: each extra fit walks every file (tree depth probes,
 * plans of one entry per file), and that outweighs the parses saved. Measured at --budget 256k, CPU time per pack
 * (eager → lazy): fastapi (3.1k files) 4.2 → 3.8 s with 147 → 95 files parsed; a 43k-file monorepo 9.3 → 10.6 s
 * with 300 → 218 parsed in 4 fits. Placed between the two.
 */
export const LAZY_SYNTAX_MAX_FILES = 12_000;

/**
 * From this many candidates the eager path checks each fit's first plan (see `LazySyntaxFit.fitSteps`). A fit of a
 * 35k-file tree costs about half a second (a check that failed there cost a second fit, 0.56 s of 9 s); on small
 * trees a fit is cheap, and checking the first plan too would re-parse texts the fitted plan no longer shows.
 */
export const FIRST_PLAN_CHECK_MIN_CANDIDATES = LAZY_SYNTAX_MAX_FILES;

type TextVariant = Exclude<Variant, { level: 'path' }>;

/**
 * The variants a file built without syntax offers before it is parsed: `full`, placeholders for the parse levels,
 * then the heads cheaper than the last placeholder (a parse keeps only those, and the placeholders are cheaper than
 * what a parse builds). Text summaries and the comment-stripped text are left out: a parsed file offers neither.
 */
export function withPlaceholders(textVariants: readonly Variant[], fullTokens: number): Variant[] {
  const kept: TextVariant[] = [];
  const keep = (variant: TextVariant) => {
    const last = kept[kept.length - 1];
    if (last === undefined || variant.tokens < last.tokens * (1 - MIN_SAVING_SHARE)) kept.push(variant);
  };
  const full = textVariants[0];
  if (full !== undefined && full.level === 'full') keep(full);
  for (const level of ['stripped', 'skeleton', 'outline'] as const) {
    if (level === 'stripped' && kept.length === 0) continue; // no full text shown: a parse offers no stripped either
    keep({ level, text: '', tokens: Math.max(1, Math.floor(fullTokens * PLACEHOLDER_SHARE[level])), pending: true });
  }
  for (const variant of textVariants) if (variant.level === 'head') keep(variant);
  return [...kept, { level: 'path', tokens: 0 }];
}

/** True when a variant is a placeholder: it must never be rendered or counted. */
export function isPending(variant: Variant): boolean {
  return variant.level !== 'path' && variant.pending === true;
}

/** Parses files on demand for the lazy fit, and checks what it shows; `dispose` must be called once the fit is done. */
export interface PendingSyntax extends SyntaxChecker {
  /** The real variants of these files, parsed in one batch (a file that fails to parse gets its text variants). */
  resolve(paths: readonly string[]): Promise<ReadonlyMap<string, readonly Variant[]>>;
}

/** What the lazy fit needs: a fit over candidates with a pricer, and the parser of placeholders' files, if any. */
export interface LazySyntaxFit<Pricer extends BundlePricer> {
  readonly candidates: readonly FitCandidate[];
  /**
   * A fresh pricer per fit: a pricer remembers the exact counts of what earlier plans chose, which steers later
   * plans, so only a fresh one makes the last fit the one an eager parse makes.
   */
  readonly createPricer: () => Pricer;
  readonly fit: (candidates: readonly FitCandidate[], pricer: BundlePricer) => Plan;
  /**
   * The same fit in steps (see `fitToBudgetSteps`). When given, the eager path over FIRST_PLAN_CHECK_MIN_CANDIDATES
   * or more candidates checks the first plan's unverified variants before the fit goes on, and a failure ends that fit
   * at once: the refit without the failed variants starts after one planning round instead of after a whole fit.
   */
  readonly fitSteps?: (candidates: readonly FitCandidate[], pricer: BundlePricer) => Generator<Plan, Plan, undefined>;
  readonly pendingSyntax?: PendingSyntax;
  /** Without `pendingSyntax` (every file parsed first): checks the unverified variants a plan shows. */
  readonly syntaxChecker?: SyntaxChecker;
}

/** The fitted plan with the pricer that fitted it. */
export interface LazyFitResult<Pricer extends BundlePricer> {
  readonly plan: Plan;
  readonly pricer: Pricer;
}

/**
 * Fit, parse the files whose placeholders the plan chose, fit again, until a plan chooses none; a plain fit without
 * `pendingSyntax`. Each file is parsed at most once (its real variants have no placeholders), so this ends; after
 * MAX_SYNTAX_ROUNDS the remaining placeholders are dropped. Then the unverified variants the plan shows are
 * parse-checked in one batch: all clean, the plan is final; otherwise the failed levels are dropped and the fit runs
 * again (see pack-shown-checks.ts). With `fitSteps` the first plan of each eager fit is checked too, so a failure is
 * found before the fit is finished. The analyzer is disposed either way.
 */
export async function fitWithLazySyntax<Pricer extends BundlePricer>(input: LazySyntaxFit<Pricer>): Promise<LazyFitResult<Pricer>> {
  const { pendingSyntax } = input;
  const checker = pendingSyntax ?? input.syntaxChecker;
  const checked: CheckedVariants = new Set();
  let candidates = input.candidates;
  let parseRounds = 0;
  let checkRounds = 0;
  try {
    for (;;) {
      if (parseRounds === MAX_SYNTAX_ROUNDS) candidates = candidates.map(withoutPlaceholders);
      if (checkRounds === MAX_CHECK_ROUNDS || checker === undefined) candidates = withoutUnchecked(candidates, checked);
      const pricer = input.createPricer();
      const check = checker === undefined ? undefined : (plan: Plan) => checkShown(plan, checker, checked);
      const outcome = pendingSyntax
        ? placeholdersChosen(() => input.fit(candidates, stopAtPlaceholders(pricer)))
        : await checkingFirstPlan(input, candidates, pricer, checkRounds < MAX_CHECK_ROUNDS ? check : undefined);
      if ('paths' in outcome) {
        parseRounds++;
        candidates = withReal(candidates, await pendingSyntax!.resolve(outcome.paths));
        continue;
      }
      const failed = 'failed' in outcome ? outcome.failed : check === undefined ? new Set<string>() : await check(outcome.plan);
      if (failed.size === 0 && 'plan' in outcome) return { plan: outcome.plan, pricer };
      checkRounds++;
      candidates = withoutFailed(candidates, failed);
    }
  } finally {
    checker?.dispose();
  }
}

/**
 * The eager path's fit. With `fitSteps`, a check and enough candidates, the first plan's unverified variants are
 * checked before the fit goes on (they pass into `checked`, so the fitted plan's check repeats none of them); a failure ends the fit.
 */
async function checkingFirstPlan(
  input: LazySyntaxFit<BundlePricer>,
  candidates: readonly FitCandidate[],
  pricer: BundlePricer,
  check: ((plan: Plan) => Promise<Set<string>>) | undefined,
): Promise<{ plan: Plan } | { failed: Set<string> }> {
  const isWorth = candidates.length >= FIRST_PLAN_CHECK_MIN_CANDIDATES;
  if (input.fitSteps === undefined || check === undefined || !isWorth) return { plan: input.fit(candidates, pricer) };
  const steps = input.fitSteps(candidates, pricer);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return { plan: step.value };
    const failed = await check(step.value);
    if (failed.size > 0) return { failed };
  }
}

function withReal(candidates: readonly FitCandidate[], real: ReadonlyMap<string, readonly Variant[]>): FitCandidate[] {
  return candidates.map((candidate) => {
    const variants = candidate.section === undefined ? real.get(candidate.path) : undefined;
    return variants === undefined ? candidate : { ...candidate, variants };
  });
}

/** The plan, or the paths of the placeholders the first plan with any chose. */
function placeholdersChosen(fit: () => Plan): { plan: Plan } | { paths: readonly string[] } {
  try {
    return { plan: fit() };
  } catch (error) {
    if (error instanceof PlaceholderChosen) return { paths: error.paths };
    throw error;
  }
}

/**
 * Fit has no early exit, and a plan with a placeholder is worth nothing but its list of files to parse: the first
 * such plan fit firms up or counts ends the fit by this throw, before anything renders or counts a placeholder.
 */
class PlaceholderChosen extends Error {
  constructor(readonly paths: readonly string[]) {
    super(`placeholders chosen for ${paths.length} files`);
  }
}

function pendingPaths(plan: Plan): string[] {
  return plan.entries.filter((entry) => entry.section === undefined && isPending(entry.variant)).map((entry) => entry.path);
}

/**
 * The pricer for one fit, stopping it at the first plan with a placeholder. Texts counted in an earlier fit (trees,
 * sections) are not tokenised again: the pricers of one pack share a remembering counter (see pack.ts).
 */
function stopAtPlaceholders(pricer: BundlePricer): BundlePricer {
  const check = (plan: Plan) => {
    const paths = pendingPaths(plan);
    if (paths.length > 0) throw new PlaceholderChosen(paths);
  };
  return {
    sectionTokens: (candidate, variant) => pricer.sectionTokens(candidate, variant),
    frameTokens: (plan) => pricer.frameTokens(plan),
    bundleTokens(plan) {
      check(plan);
      return pricer.bundleTokens(plan);
    },
    firmUp(plan) {
      check(plan);
      return pricer.firmUp?.(plan) ?? false;
    },
  };
}

function withoutPlaceholders(candidate: FitCandidate): FitCandidate {
  if (!candidate.variants.some(isPending)) return candidate;
  return { ...candidate, variants: candidate.variants.filter((variant) => !isPending(variant)) };
}
