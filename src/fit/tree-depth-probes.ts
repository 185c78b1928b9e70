/**
 * Where to look for the deepest directory tree that fits: line counts of the tree at every collapse depth (cheap,
 * no tree is built) and the next depth worth pricing. Pricing a tree means rendering and counting it, which on a
 * 43k-file tree is a quarter of a second per probe.
 */
import { directoryDepth } from './collapse-tree.js';

/**
 * Lines of the tree at each collapse depth: `lines[d]` equals `collapseAtDepth(paths, d).length` (directories `d + 1`
 * levels deep, each collapsed into one line) plus the distinct files at most `d` directories deep. Non-decreasing;
 * the last entry is the whole tree.
 */
export function treeLineCounts(paths: readonly string[]): number[] {
  const unique = [...new Set(paths)];
  const filesAt: number[] = [0];
  // directoriesAt[k]: distinct directories k levels deep (`src` is 1, `src/fit` is 2).
  const directoriesAt: number[] = [0, 0];
  const seen = new Set<string>();
  for (const path of unique) {
    const depth = directoryDepth(path);
    while (filesAt.length <= depth) filesAt.push(0);
    while (directoriesAt.length <= depth + 1) directoriesAt.push(0);
    filesAt[depth]!++;
    // Deepest directory first: once one is known, so are its ancestors.
    for (let end = path.lastIndexOf('/'), level = depth; end >= 0; end = path.lastIndexOf('/', end - 1), level--) {
      const directory = path.slice(0, end);
      if (seen.has(directory)) break;
      seen.add(directory);
      directoriesAt[level]!++;
    }
  }
  let files = 0;
  return filesAt.map((count, depth) => {
    files += count;
    return files + (directoriesAt[depth + 1] ?? 0);
  });
}

/** What the search knows so far: depths at or above `failing` do not fit, depths at or below `fitting` do. */
export interface ProbeRange {
  /** Deepest depth known to fit, -1 when none is. */
  readonly fitting: number;
  /** Shallowest depth known not to fit, `lines.length` when none is. */
  readonly failing: number;
}

/**
 * The deepest depth strictly inside the range whose tree would fit at `tokensPerLine`, or the shallowest depth
 * inside the range when none would. Call only while the range holds a depth (`failing - fitting > 1`).
 */
export function predictDeepestFit(lines: readonly number[], range: ProbeRange, tokensPerLine: number, limit: number): number {
  for (let depth = range.failing - 1; depth > range.fitting + 1; depth--) {
    if (lines[depth]! * tokensPerLine <= limit) return depth;
  }
  return range.fitting + 1;
}
