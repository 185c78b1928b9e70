/**
 * The tree collapse a fit chose, kept for the next fit of the same pack. Choosing it renders and counts a tree per
 * probe and walks every listed path; a pack fits again after parsing what the first plan showed (the lazy fit), over
 * the same paths, budget and frame, so the second search would only repeat the first.
 */
import type { CollapsedDirectory } from '../shared/types.js';

/** Holds one chosen collapse; create one per pack with `createTreeCollapseMemo` and pass it to every fit sharing a frame. */
export interface TreeCollapseMemo {
  /** @internal What was chosen, for which listed paths and budget. */
  last?: RememberedCollapse;
}

/** @internal */
export interface RememberedCollapse {
  readonly paths: readonly string[];
  readonly budget: number;
  readonly collapsed: CollapsedDirectory[];
}

/**
 * A memo for the fits of one pack. Valid only among fits whose pricers price the same frame (same style, header
 * options and skipped files): the memo checks paths and budget, not the frame.
 */
export function createTreeCollapseMemo(): TreeCollapseMemo {
  return {};
}

/** The collapse remembered for exactly these paths (same order) and budget, else undefined. */
export function rememberedCollapse(
  memo: TreeCollapseMemo | undefined,
  paths: readonly string[],
  budget: number,
): CollapsedDirectory[] | undefined {
  const last = memo?.last;
  if (last === undefined || last.budget !== budget || last.paths.length !== paths.length) return undefined;
  for (let index = 0; index < paths.length; index++) if (last.paths[index] !== paths[index]) return undefined;
  return last.collapsed;
}

/** Remember a chosen collapse (replacing any earlier one). */
export function rememberCollapse(
  memo: TreeCollapseMemo | undefined,
  paths: readonly string[],
  budget: number,
  collapsed: CollapsedDirectory[],
): void {
  if (memo !== undefined) memo.last = { paths, budget, collapsed };
}
