import type { CollapsedDirectory } from '../shared/types.js';

/** Depth of a path's directory: `a.ts` → 0, `src/a.ts` → 1. */
export function directoryDepth(path: string): number {
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
    // The (depth + 1)th slash ends the directory to collapse; a path with fewer slashes is listed as it is.
    let end = -1;
    for (let slashes = 0; slashes <= depth; slashes++) {
      end = path.indexOf('/', end + 1);
      if (end < 0) break;
    }
    if (end < 0) continue;
    const directory = path.slice(0, end);
    counts.set(directory, (counts.get(directory) ?? 0) + 1);
  }
  return [...counts]
    .map(([path, fileCount]) => ({ path, fileCount }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
