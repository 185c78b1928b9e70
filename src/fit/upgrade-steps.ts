import type { PricedOption } from './choose-levels.js';

/** One step up a file's convex hull of options: efficiency = Δvalue / Δtokens. */
export interface UpgradeStep {
  readonly fileIndex: number;
  readonly from: number;
  readonly to: number;
  readonly efficiency: number;
}

/** The total order the greedy takes steps in: most efficient first, then file order, then hull position. */
function byEfficiency(a: UpgradeStep, b: UpgradeStep): number {
  return b.efficiency - a.efficiency || a.fileIndex - b.fileIndex || a.from - b.from;
}

function hullSteps(hull: readonly PricedOption[], fileIndex: number, into: UpgradeStep[]): void {
  for (let from = 0; from + 1 < hull.length; from++) {
    const a = hull[from]!;
    const b = hull[from + 1]!;
    into.push({ fileIndex, from, to: from + 1, efficiency: (b.value - a.value) / (b.tokens - a.tokens) });
  }
}

/** What the last call sorted for one list of files: the hulls it saw and their steps in order. */
interface SortedSteps {
  readonly hulls: readonly (readonly PricedOption[])[];
  readonly steps: readonly UpgradeStep[];
}

/**
 * Keyed by the caller's list of hulls-per-file. fit plans many rounds over one list in which only the files it firmed
 * up get new hulls: their steps are sorted alone and merged into the previous order, so a round costs O(files) rather
 * than a sort of every step (test262, 57k files: the sort was most of chooseLevels).
 */
const previous = new WeakMap<object, SortedSteps>();

/** Every hull step of every file, sorted by `byEfficiency`; `key` identifies the list across calls. */
export function sortedSteps(hulls: readonly (readonly PricedOption[])[], key: object): readonly UpgradeStep[] {
  const last = previous.get(key);
  const changed = new Set<number>();
  if (last === undefined || last.hulls.length !== hulls.length) {
    hulls.forEach((_, index) => changed.add(index));
  } else {
    hulls.forEach((hull, index) => {
      if (hull !== last.hulls[index]) changed.add(index);
    });
  }
  const fresh: UpgradeStep[] = [];
  for (const index of changed) hullSteps(hulls[index]!, index, fresh);
  fresh.sort(byEfficiency);
  const kept = last === undefined ? [] : last.steps.filter((step) => !changed.has(step.fileIndex));
  const steps = merge(kept, fresh);
  previous.set(key, { hulls: [...hulls], steps });
  return steps;
}

/** Merge two lists sorted by `byEfficiency` into one. */
function merge(a: readonly UpgradeStep[], b: readonly UpgradeStep[]): UpgradeStep[] {
  if (a.length === 0) return b as UpgradeStep[];
  if (b.length === 0) return a as UpgradeStep[];
  const merged: UpgradeStep[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) merged.push(byEfficiency(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!);
  while (i < a.length) merged.push(a[i++]!);
  while (j < b.length) merged.push(b[j++]!);
  return merged;
}
