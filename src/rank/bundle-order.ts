/**
 * The order files appear in the bundle. Long-context studies ("Lost in the Middle", Liu et al., 2023) find models use
 * the start and the end of a prompt best and the middle worst, so the `edges` order puts the overview first, then
 * the most relevant files alternately near the start and near the end, the least relevant in the middle, and the
 * task's own files last.
 */
import type { RankedFile } from '../shared/types.js';
import { classifyRole, pathInRoot } from './file-role.js';

/** `rank`: most important first. `edges`: overview, best at both ends, weakest in the middle, task files last. */
export type BundleOrder = 'rank' | 'edges';

/** Every bundle order, for option validation. */
export const BUNDLE_ORDERS: readonly BundleOrder[] = ['rank', 'edges'];

function isOverview(ranked: RankedFile): boolean {
  const role = classifyRole(ranked.file);
  return (role === 'readme' || role === 'manifest') && !pathInRoot(ranked.file).includes('/');
}

/** Reorder ranked files (given most important first) for the bundle; `rank` returns them as they are. */
export function orderForBundle(ranked: readonly RankedFile[], order: BundleOrder): RankedFile[] {
  switch (order) {
    case 'rank':
      return [...ranked];
    case 'edges': {
      const overview = ranked.filter(isOverview);
      const task = ranked.filter((entry) => entry.task === true && !isOverview(entry));
      const rest = ranked.filter((entry) => entry.task !== true && !isOverview(entry));
      const front: RankedFile[] = [];
      const back: RankedFile[] = [];
      rest.forEach((entry, index) => (index % 2 === 0 ? front : back).push(entry));
      return [...overview, ...front, ...back.reverse(), ...task.reverse()];
    }
  }
}
