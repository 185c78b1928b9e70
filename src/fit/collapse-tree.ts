import type { CollapsedDirectory } from '../shared/types.js';

/** Depth of a path's directory: `a.ts` → 0, `src/a.ts` → 1. */
function directoryDepth(path: string): number {
  let depth = 0;
  for (let i = 0; i < path.length; i++) if (path.charCodeAt(i) === 47 /* '/' */) depth++;
  return depth;
}

/** Deepest directory level in the listing (0 when every file sits in the root). */
export function maxDirectoryDepth(paths: readonly string[]): number {
  return paths.reduce((max, path) => Math.max(max, directoryDepth(path)), 0);
}

/**
 * Directories to show as one line so that the tree lists files at most `depth` directories deep. `depth` 0 collapses
 * everything below the root into its directories' counts; -1 collapses the root itself (one line for the whole tree).
 * Sorted by path (code units) for determinism.
 */
export function collapseAtDepth(paths: readonly string[], depth: number): CollapsedDirectory[] {
  if (depth < 0) return [{ path: '', fileCount: paths.length }];
  const counts = new Map<string, number>();
  for (const path of paths) {
    if (directoryDepth(path) <= depth) continue;
    const directory = path.split('/').slice(0, depth + 1).join('/');
    counts.set(directory, (counts.get(directory) ?? 0) + 1);
  }
  return [...counts]
    .map(([path, fileCount]) => ({ path, fileCount }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
