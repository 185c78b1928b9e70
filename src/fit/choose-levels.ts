import type { Variant } from '../shared/types.js';
import { sortedSteps } from './upgrade-steps.js';
import { variantWorth } from './level-value.js';

/** A file offered to `fit`: its importance and its variants, richest first, the last one `path`. */
export interface FitCandidate {
  readonly path: string;
  readonly language: string | undefined;
  readonly score: number;
  readonly reasons: readonly string[];
  readonly variants: readonly Variant[];
  /** `diff` when the candidate is the diff of `path` rather than the file: it is never listed in the tree. */
  readonly section?: 'diff';
  /** Ranked high by the overview floor, not by the task: never one of the top files a task reserves room for. */
  readonly overview?: boolean;
}

/** A variant with its price in the bundle (rendered section tokens) and its worth (score × level worth). */
export interface PricedOption {
  readonly variant: Variant;
  readonly tokens: number;
  readonly value: number;
}


/** Options sorted by tokens ascending, dominated ones (dearer but not more valuable) removed, upper convex hull kept. */
export function convexHull(options: readonly PricedOption[]): PricedOption[] {
  const sorted = [...options].sort((a, b) => a.tokens - b.tokens || b.value - a.value);
  const frontier: PricedOption[] = [];
  for (const option of sorted) {
    if (frontier.length > 0 && option.value <= frontier[frontier.length - 1]!.value) continue;
    frontier.push(option);
  }
  const hull: PricedOption[] = [];
  for (const option of frontier) {
    while (hull.length >= 2) {
      const a = hull[hull.length - 2]!;
      const b = hull[hull.length - 1]!;
      const slopeAB = (b.value - a.value) / (b.tokens - a.tokens);
      const slopeAC = (option.value - a.value) / (option.tokens - a.tokens);
      if (slopeAC >= slopeAB) hull.pop();
      else break;
    }
    hull.push(option);
  }
  return hull;
}

/** Hulls by option array: fit plans several rounds over mostly the same arrays (a re-priced file gets a new one). */
const hullCache = new WeakMap<readonly PricedOption[], PricedOption[]>();

function hullOf(options: readonly PricedOption[]): PricedOption[] {
  // A lone option is its own hull (never mutated, like every hull): most files of a large tree are offered only as
  // a path (44k of 49k on one), and a lookup per file and round added up.
  if (options.length === 1) return options as PricedOption[];
  let hull = hullCache.get(options);
  if (hull === undefined) {
    hull = convexHull(options);
    hullCache.set(options, hull);
  }
  return hull;
}

/** Whether a candidate is offered only as its path (most files of a large tree). */
export function isPathOnly(candidate: FitCandidate): boolean {
  return candidate.variants.length === 1 && candidate.variants[0]!.level === 'path';
}

/** Priced lists of path-only offers, by variant list: files outside a pack's pool share one list, so one priced list. */
const pathOnlyPriced = new WeakMap<readonly Variant[], PricedOption[]>();

/**
 * Price every variant of a candidate; `sectionTokens` gives the rendered section's token count. The list is shared
 * (never mutate it) for a file offered only as a path: it costs nothing and is worth nothing at any finite score.
 */
export function priceOptions(
  candidate: FitCandidate,
  sectionTokens: (candidate: FitCandidate, variant: Variant) => number,
): PricedOption[] {
  const { variants, score } = candidate;
  if (isPathOnly(candidate) && score >= 0 && score < Infinity) {
    let priced = pathOnlyPriced.get(variants);
    if (priced === undefined) {
      priced = [{ variant: variants[0]!, tokens: 0, value: 0 }];
      pathOnlyPriced.set(variants, priced);
    }
    return priced;
  }
  const fullTokens = candidate.variants[0]?.tokens ?? 0;
  return candidate.variants.map((variant) => ({
    variant,
    tokens: variant.level === 'path' ? 0 : sectionTokens(candidate, variant),
    value: candidate.score * variantWorth(variant, fullTokens),
  }));
}

/**
 * Multiple-choice knapsack, greedy by marginal value per token over each file's convex hull, then a second pass that
 * spends what is left on the most valuable single jump per file. Returns the chosen option index per file (into
 * `optionsPerFile[i]`). Ties are broken by file order, so the result is deterministic.
 */
export function chooseLevels(
  optionsPerFile: readonly (readonly PricedOption[])[],
  capacity: number,
  topFirst?: TopFirst,
): number[] {
  const hulls = optionsPerFile.map(hullOf);
  const position = new Array<number>(hulls.length).fill(0);
  let cheapest = 0;
  for (const hull of hulls) cheapest += hull[0]?.tokens ?? 0;
  let remaining = capacity - cheapest;
  if (topFirst) remaining = reserveForTask(hulls, position, remaining, topFirst);

  for (const step of sortedSteps(hulls, optionsPerFile)) {
    if (position[step.fileIndex] !== step.from) continue;
    const hull = hulls[step.fileIndex]!;
    const cost = hull[step.to]!.tokens - hull[step.from]!.tokens;
    if (cost <= remaining) {
      position[step.fileIndex] = step.to;
      remaining -= cost;
    }
  }
  return spendLeftover(optionsPerFile, hulls, position, remaining);
}

/**
 * With a task, the best-ranked files are what the reader asked for: showing them whole is worth more than what their
 * size buys elsewhere (a per-token knapsack otherwise prefers hundreds of small files to one 9k-token file ranked
 * 14th — seen on fastapi at 32k). `fileIndexes` lists them best first.
 */
export interface TopFirst {
  readonly fileIndexes: readonly number[];
  /**
   * At most this many of `fileIndexes` are made whole (all when absent). A file too big for what is left of the share
   * is passed over without using up a place, so one huge top file does not cost the next file in line its full text.
   */
  readonly count?: number;
  /**
   * The first of `fileIndexes` (the best match) may be made whole alone when it is bigger than `share` of the room but
   * within this share: then it takes the whole reservation. fit sets it only for a best match that leads the next
   * file by a margin (see DECISIVE_MARGIN in fit-to-budget.ts): unconditional, at 0.75, on the eval at 32k it made
   * prometheus's 20.6k-token queue_manager.go whole (all gold in full +6%) but cost fastapi one case (-5%, tying the
   * BM25 baseline), as a 13k-token best match that was not the gold file took the reservation.
   */
  readonly firstShare?: number;
  /** Share of the room (capacity left after the cheapest options) they may take in full. */
  readonly share: number;
  /**
   * Files that match the task well enough to be shown at all (best first): before the top files are made whole, each
   * gets its cheapest shown option while their total stays within `floorShare` of the room, so the knapsack cannot
   * spend that room on richer levels of small weak matches.
   */
  readonly floorIndexes?: readonly number[];
  readonly floorShare?: number;
}

/**
 * The task's reservations, in order: a best file bigger than the top files' share but within `firstShare` is made
 * whole first (and takes the whole share); then the floor, cheap, secures that every well-matched file shows; then the
 * top files are made whole. Returns what remains of `remaining`.
 */
function reserveForTask(hulls: readonly PricedOption[][], position: number[], remaining: number, topFirst: TopFirst): number {
  const room = remaining;
  let fileIndexes = topFirst.fileIndexes;
  let count = topFirst.count ?? Infinity;
  let topReserve = room * topFirst.share;
  const first = fileIndexes[0];
  if (first !== undefined) {
    const hull = hulls[first]!;
    const cost = hull[hull.length - 1]!.tokens - hull[position[first]!]!.tokens;
    if (cost > topReserve && cost <= room * (topFirst.firstShare ?? 0)) {
      position[first] = hull.length - 1;
      remaining -= cost;
      topReserve = 0;
      fileIndexes = fileIndexes.slice(1);
      count--;
    }
  }
  const floorReserve = Math.min(remaining, room * (topFirst.floorShare ?? 0));
  remaining = raiseWithin(hulls, position, remaining, floorReserve, topFirst.floorIndexes ?? [], firstShown);
  return raiseWithin(hulls, position, remaining, Math.min(remaining, topReserve), fileIndexes, richest, count);
}

/**
 * Move each of `fileIndexes` to the hull position `target` names (undefined: leave it) while the moves' total stays
 * within `reserve`, in order, until `limit` files moved; returns what remains of `remaining`.
 */
function raiseWithin(
  hulls: readonly PricedOption[][],
  position: number[],
  remaining: number,
  reserve: number,
  fileIndexes: readonly number[],
  target: (hull: readonly PricedOption[], current: number) => number | undefined,
  limit = Infinity,
): number {
  let moved = 0;
  for (const fileIndex of fileIndexes) {
    if (moved >= limit) break;
    const hull = hulls[fileIndex]!;
    const current = position[fileIndex]!;
    const to = target(hull, current);
    // A file already there (an empty file, one offered only as a path) takes no place from the next in line.
    if (to === undefined || to === current) continue;
    const cost = hull[to]!.tokens - hull[current]!.tokens;
    if (cost > reserve) continue;
    position[fileIndex] = to;
    reserve -= cost;
    remaining -= cost;
    moved++;
  }
  return remaining;
}

/** A top file goes to its richest option. */
function richest(hull: readonly PricedOption[]): number {
  return hull.length - 1;
}

/** A floor file still at its cheapest, worthless option goes one step up: its cheapest shown level. */
function firstShown(hull: readonly PricedOption[], current: number): number | undefined {
  return current === 0 && hull.length >= 2 && hull[0]!.value <= 0 ? 1 : undefined;
}

/**
 * Fill the gap the greedy left: files in order of their best possible value, each jumping from its hull position to
 * its most valuable option (hull or not) that still fits. Returns the chosen option index per file: a file with one
 * option (most files of a large tree are offered only as a path) has nothing to jump to and is not visited.
 */
function spendLeftover(
  optionsPerFile: readonly (readonly PricedOption[])[],
  hulls: readonly (readonly PricedOption[])[],
  position: readonly number[],
  remaining: number,
): number[] {
  const choice = optionsPerFile.map((options): number => (options.length === 0 ? -1 : 0));
  for (const fileIndex of leftoverOrder(optionsPerFile)) {
    const options = optionsPerFile[fileIndex]!;
    const current = hulls[fileIndex]![position[fileIndex]!]!;
    let best = current;
    for (const option of options) {
      const cost = option.tokens - current.tokens;
      if (option.value > best.value && cost <= remaining) best = option;
    }
    remaining -= best.tokens - current.tokens;
    choice[fileIndex] = options.indexOf(best);
  }
  return choice;
}

/** The last order per list of files, with the files and best values it was sorted by (re-pricing rarely changes a value). */
const lastOrder = new WeakMap<
  object,
  { readonly files: readonly number[]; readonly bestValue: readonly number[]; readonly order: readonly number[] }
>();

/**
 * Files with more than one option by their best possible value, descending, then by index; reused while no best value
 * changed. A file with one option keeps it, so leaving it out changes no choice.
 */
function leftoverOrder(optionsPerFile: readonly (readonly PricedOption[])[]): readonly number[] {
  const files: number[] = [];
  const bestValue: number[] = [];
  optionsPerFile.forEach((options, fileIndex) => {
    if (options.length < 2) return;
    let best = 0;
    for (const option of options) best = Math.max(best, option.value);
    files.push(fileIndex);
    bestValue.push(best);
  });
  const last = lastOrder.get(optionsPerFile);
  if (last && sameNumbers(last.files, files) && sameNumbers(last.bestValue, bestValue)) return last.order;
  // Sorted by position in `files` (ascending file index), so ties between equal values fall to the lower file index.
  const byValue = files.map((_, at) => at);
  byValue.sort((a, b) => bestValue[b]! - bestValue[a]! || a - b);
  const order = byValue.map((at) => files[at]!);
  lastOrder.set(optionsPerFile, { files, bestValue, order });
  return order;
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}
