import { BudgetError } from '../shared/errors.js';
import type { CollapsedDirectory, Plan, Variant } from '../shared/types.js';
import { chooseLevels, priceOptions, type FitCandidate, type PricedOption, type TopFirst } from './choose-levels.js';
import { collapseAtDepth } from './collapse-tree.js';
import { pathOnlyEntries, planEntries } from './plan-entries.js';
import { rememberCollapse, rememberedCollapse, type TreeCollapseMemo } from './tree-collapse-memo.js';
import { predictDeepestFit, treeLineCounts, type ProbeRange } from './tree-depth-probes.js';

/** Prices parts of a bundle. Section and frame prices may be estimates; `bundleTokens` must be exact. */
export interface BundlePricer {
  /** Tokens of one file's rendered section. */
  sectionTokens(candidate: FitCandidate, variant: Variant): number;
  /** Tokens of everything except the file sections (header, tree, closing) for this plan. */
  frameTokens(plan: Plan): number;
  /** Exact token count of the rendered bundle for this plan. */
  bundleTokens(plan: Plan): number;
  /**
   * Replace estimated prices of the variants this plan chose by exact ones; true when any price changed (the plan
   * should then be chosen again). Optional: a pricer whose section prices are exact needs none.
   */
  firmUp?(plan: Plan): boolean;
}

export interface FitInput {
  /** Files in bundle order (most important first); each with variants richest first, ending with `path`. */
  readonly candidates: readonly FitCandidate[];
  /** Paths listed in the tree without content (skipped files); they count towards collapsing. */
  readonly listedOnly: readonly string[];
  readonly budget: number;
  readonly pricer: BundlePricer;
  /**
   * Set when the pack has a written task (`--focus`): the highest-scored files are shown whole first, within
   * TOP_FILES_SHARE of the budget, before the knapsack weighs the rest.
   */
  readonly taskFirst?: boolean;
  /**
   * Shared by the fits of one pack whose pricers price the same frame: a later fit over the same paths and budget
   * reuses the tree collapse an earlier one chose instead of searching again (the same search gives the same answer).
   */
  readonly treeMemo?: TreeCollapseMemo;
}

/**
 * How many of the best-scored files a task may reserve room for, and what share of the room for sections they may
 * take in full. From `npm run eval -- REPO --cases 20 --no-syntax --budgets 32k` (all gold files any level / in full):
 * gin 100/45 without the reservation, 100/70 with 4 files at 0.35, 100/85 with 6 at 0.5; fastapi 65/30 without,
 * 50/40 with either (the reservation leaves less room for outlines of gold files ranked lower).
 */
const TOP_FILES_COUNT = 6;
const TOP_FILES_SHARE = 0.5;
/**
 * The top files are looked for among this many of the best-scored (overview files aside): one too big for the share
 * is passed over and the next in line takes its place. On fastapi at 32k a 45k-token routing.py ranked 7th held one
 * of the six places while fastapi/utils.py (2.3k tokens, the task's file) ranked 9th got an outline. Measured with the
 * recent-work and translation changes (eval --cases 20 --budgets 32k,128k): fastapi 32k all gold in full 55% → 60%,
 * the only changed 32k case being that one; gin, express, zod and prometheus unchanged at 32k.
 */
const TOP_FILES_SCAN = 10;
/**
 * A best match scoring at least DECISIVE_MARGIN times the next file is what the task is about: it may be made whole
 * alone within DECISIVE_FIRST_SHARE of the room even when bigger than the top files' share. Unconditional, that share
 * cost fastapi a case (a 13k-token best match that was not the gold file took the room). Eval at 32k (--cases 20):
 * flask all gold in full 70 → 75 % (app.py, 16.7k tokens, scored 2.4× the next file); fastapi, prometheus, zod, gin,
 * express and hono unchanged (hono's types.ts leads by 2.0× but is 27k tokens exactly, beyond the share).
 */
const DECISIVE_MARGIN = 1.8;
const DECISIVE_FIRST_SHARE = 0.75;
/**
 * Before the top files are made whole, every file scoring at least FLOOR_SCORE_SHARE of the best is shown at its
 * cheapest level (usually an outline) within FLOOR_SHARE of the room, so a well-matched big file is never left as a
 * bare path while the knapsack buys full text of small weak matches. Taken before the top files and both shares of
 * the same room: on `npm run eval -- REPO --cases 20 --no-syntax --budgets 32k` gin all gold in full 85% → 90%, the
 * other trial repositories unchanged.
 */
const FLOOR_SCORE_SHARE = 0.25;
const FLOOR_SHARE = 0.3;

/** Most of the budget the directory tree may take before directories are collapsed into counts. */
const TREE_SHARE_OF_BUDGET = 0.2;
/** Stop improving once the exact bundle fills this share of the budget (the promise is within 3%). */
const FILL_TARGET = 0.985;
/** Extra shrink after an exact count overshoots, so the next round does not land on the same bundle. */
const OVERSHOOT_MARGIN_SHARE = 0.002;
/** Rounds of re-planning against exact counts; each costs one full tokenisation of the bundle. */
const MAX_EXACT_ROUNDS = 6;
/** Bound on all planning rounds (cheap: no full tokenisation), so the loop always ends. */
const MAX_PLANNING_ROUNDS = 40;
/** Rounds of re-planning after estimated prices of chosen variants were replaced by exact ones. */
const MAX_FIRM_UP_ROUNDS = 8;

/**
 * Choose a level for every file so that the rendered bundle, counted exactly, is at most `budget` tokens and as
 * full as possible. Throws `BudgetError` when even a bundle listing nothing but a one-line tree does not fit.
 */
export function fitToBudget(input: FitInput): Plan {
  const steps = fitToBudgetSteps(input);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/**
 * `fitToBudget` in steps: yields the first plan once (estimated prices, chosen before anything is counted exactly),
 * then returns the fitted plan. The first plan shows nearly every file the fitted one shows, so a caller that may
 * reject what a plan shows (the parse checks of unverified representations) checks it there and abandons a fit it
 * would have to redo, instead of finishing it first: on a 35k-file Java monorepo a failed check cost a whole second fit.
 */
export function* fitToBudgetSteps(input: FitInput): Generator<Plan, Plan, undefined> {
  const { budget, pricer } = input;
  // Priced once; after a firm-up only the files the plan showed are priced again (only their prices can change), so
  // unchanged option arrays keep their identity and chooseLevels reuses their hulls.
  const options = input.candidates.map((candidate) => priceOptions(candidate, pricer.sectionTokens));
  const collapsed = chooseTreeCollapse(input);
  const emptyPlan = pathOnlyPlan(input, collapsed);

  let capacity = budget - pricer.frameTokens(emptyPlan);
  let best: { plan: Plan; tokens: number } | undefined;
  const topFirst = input.taskFirst ? taskTiers(input.candidates) : undefined;
  let firmUps = 0;
  let exactCounts = 0;
  // Exact count minus estimate at the last exact count: the frame estimate may be biased (tree lines and markers
  // priced apart), so later estimates are corrected by what was measured instead of trusted as they are.
  let estimateBias = 0;
  for (let round = 0; round < MAX_PLANNING_ROUNDS && exactCounts < MAX_EXACT_ROUNDS && capacity > 0; round++) {
    const plan = buildPlan(input, options, chooseLevels(options, capacity, topFirst), collapsed);
    if (round === 0) yield plan;
    if (firmUps < MAX_FIRM_UP_ROUNDS && pricer.firmUp?.(plan)) {
      firmUps++;
      plan.entries.forEach((entry, index) => {
        if (entry.variant.level !== 'path') options[index] = priceOptions(input.candidates[index]!, pricer.sectionTokens);
      });
      continue;
    }
    // Adjust relative to what the plan used, not to the capacity it was given: the greedy rarely uses all of it,
    // and shrinking an unused margin would choose the same plan again.
    const used = plan.entries.reduce((sum, entry) => sum + entry.tokens, 0);
    const rawEstimate = pricer.frameTokens(plan) + used;
    const estimate = rawEstimate + estimateBias;
    if (estimate > budget) {
      capacity = used - (estimate - budget);
      continue;
    }
    const exact = pricer.bundleTokens(plan);
    exactCounts++;
    estimateBias = exact - rawEstimate;
    if (exact <= budget && (!best || exact > best.tokens)) best = { plan, tokens: exact };
    if (exact <= budget && (exact >= budget * FILL_TARGET || isRichest(plan, options))) break;
    capacity = used + budget - exact - (exact > budget ? Math.ceil(budget * OVERSHOOT_MARGIN_SHARE) : 0);
  }
  if (best) return best.plan;
  if (pricer.bundleTokens(emptyPlan) <= budget) return emptyPlan;
  // The tree was sized by an estimate and the exact count disagrees: fall back to the one-line tree, known to fit.
  return pathOnlyPlan(input, oneLineTree(input));
}

function isRichest(plan: Plan, options: readonly (readonly PricedOption[])[]): boolean {
  return plan.entries.every((entry, index) => entry.variant === options[index]![0]!.variant);
}

function buildPlan(
  input: FitInput,
  options: readonly (readonly PricedOption[])[],
  choice: readonly number[],
  collapsed: readonly CollapsedDirectory[],
): Plan {
  return { entries: planEntries(input.candidates, options, choice), collapsed, budget: input.budget };
}

/**
 * Tree tokens per line assumed before any tree is priced, to place the first probe: 17 tree prices on five trial
 * repositories (test262, fastapi, biome, prometheus, a 43k-file Rust/TS monorepo) ran 6.4–14 tokens per line, median 7.7.
 */
const PRIOR_TREE_TOKENS_PER_LINE = 8;
/** Probes placed by tokens per line (the prior, then the last price measured) before the search halves the range. */
const INTERPOLATED_PROBES = 2;

/**
 * The deepest tree that costs at most TREE_SHARE_OF_BUDGET; at worst the whole tree is one line. Throws when even that
 * frame exceeds the budget, naming the minimum.
 *
 * A deeper tree lists every line of a shallower one and more, so its price grows with depth and the search keeps a
 * range: depths known to fit, depths known not to. Each price is a render and a count (a quarter of a second for a
 * 43k-file tree), so the first probes go where tokens per line predict the answer, then the range is halved. When
 * the whole tree is predicted to fit it is the first and usually the only tree priced. On a 43k-file monorepo at
 * --budget 256k this prices depths 3 and 4 instead of 11, 5, 2, 3 and 4; the answer is the same whenever prices grow
 * with depth.
 */
function chooseTreeCollapse(input: FitInput): CollapsedDirectory[] {
  const paths = listedPaths(input);
  const remembered = rememberedCollapse(input.treeMemo, paths, input.budget);
  if (remembered !== undefined) return remembered;
  const collapsed = searchTreeCollapse(input, paths);
  rememberCollapse(input.treeMemo, paths, input.budget, collapsed);
  return collapsed;
}

function searchTreeCollapse(input: FitInput, paths: readonly string[]): CollapsedDirectory[] {
  const limit = input.budget * TREE_SHARE_OF_BUDGET;
  const lines = treeLineCounts(paths);
  const pathOnly = pathOnlyPlan(input, []);
  let range: ProbeRange = { fitting: -1, failing: lines.length };
  let deepest: CollapsedDirectory[] | undefined;
  let tokensPerLine = PRIOR_TREE_TOKENS_PER_LINE;
  for (let probe = 0; range.failing - range.fitting > 1; probe++) {
    const depth = probe < INTERPOLATED_PROBES
      ? predictDeepestFit(lines, range, tokensPerLine, limit)
      : Math.floor((range.fitting + range.failing) / 2);
    // Every listed file and collapsed directory is a line of at least one token of its own: when they alone exceed
    // the limit, the tree is not rendered (on test262 this skips the two largest trees).
    const lineCount = lines[depth]!;
    const collapsed = lineCount <= limit ? collapseAtDepth(paths, depth) : undefined;
    const tokens = collapsed === undefined ? Infinity : input.pricer.frameTokens({ ...pathOnly, collapsed });
    if (collapsed !== undefined) tokensPerLine = tokens / Math.max(1, lineCount);
    if (tokens <= limit) {
      deepest = collapsed;
      range = { ...range, fitting: depth };
    } else {
      range = { ...range, failing: depth };
    }
  }
  return deepest ?? oneLineTree(input);
}

/** The whole tree as one line: the smallest bundle. Throws `BudgetError` naming its size when even that is too big. */
function oneLineTree(input: FitInput): CollapsedDirectory[] {
  const paths = listedPaths(input);
  const whole = paths.length > 0 ? collapseAtDepth(paths, -1) : [];
  const minimum = input.pricer.bundleTokens(pathOnlyPlan(input, whole));
  if (minimum > input.budget) {
    throw new BudgetError(
      `--budget ${input.budget.toLocaleString('en-US')} is below the smallest possible bundle (${minimum.toLocaleString('en-US')} tokens)`,
      `use at least --budget ${Math.ceil(minimum / 1000) + 1}k`,
    );
  }
  return whole;
}

function listedPaths(input: FitInput): string[] {
  // Diff candidates repeat a file's path (or name a deleted one): the tree lists files only.
  const files = input.candidates.filter((candidate) => candidate.section !== 'diff');
  return [...files.map((candidate) => candidate.path), ...input.listedOnly];
}

/** Every file at `path` level: the plan of the smallest bundle for a given tree. */
function pathOnlyPlan(input: FitInput, collapsed: readonly CollapsedDirectory[]): Plan {
  return { entries: pathOnlyEntries(input.candidates), collapsed, budget: input.budget };
}

/** The top files shown whole first, then the floor of files scored well enough to be shown at all. */
function taskTiers(candidates: readonly FitCandidate[]): TopFirst {
  const ranked = bestScored(candidates, candidates.length);
  const best = ranked.length > 0 ? candidates[ranked[0]!]!.score : 0;
  // Top files the reservation could not afford whole are on the floor too.
  const floorIndexes = ranked.filter((index) => candidates[index]!.score >= best * FLOOR_SCORE_SHARE);
  // The README and manifests are the overview, not what the task asked for: the knapsack weighs them like the rest.
  const fileIndexes = ranked.filter((index) => candidates[index]!.overview !== true).slice(0, TOP_FILES_SCAN);
  const [first, second] = fileIndexes.map((index) => candidates[index]!.score);
  const isDecisive = first !== undefined && first > 0 && (second === undefined || first >= second * DECISIVE_MARGIN);
  return {
    fileIndexes,
    count: TOP_FILES_COUNT,
    share: TOP_FILES_SHARE,
    ...(isDecisive ? { firstShare: DECISIVE_FIRST_SHARE } : {}),
    floorIndexes,
    floorShare: FLOOR_SHARE,
  };
}

/** Indexes of the `count` highest-scored file candidates (diffs have levels of their own), best first, ties by index. */
function bestScored(candidates: readonly FitCandidate[], count: number): number[] {
  return candidates
    .map((candidate, index) => ({ score: candidate.section === 'diff' ? -Infinity : candidate.score, index }))
    .filter((entry) => entry.score !== -Infinity)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, count)
    .map((entry) => entry.index);
}
