import { collapseAtDepth, directoryDepth, maxDirectoryDepth } from '../../src/fit/collapse-tree.js';
import { predictDeepestFit, treeLineCounts } from '../../src/fit/tree-depth-probes.js';

/** Deterministic pseudo-random generator (LCG), so a failure reproduces. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function randomPaths(count: number, random: () => number): string[] {
  const names = ['src', 'lib', 'a', 'b', 'test', 'docs', 'x.ts', 'y.rs'];
  return Array.from({ length: count }, () => {
    const depth = Math.floor(random() * 6);
    const directories = Array.from({ length: depth }, () => names[Math.floor(random() * 6)]!);
    return [...directories, names[6 + Math.floor(random() * 2)]!].join('/');
  });
}

/** The line count the tree search used before: collapsed directories plus distinct files at most `depth` deep. */
function linesByCollapsing(paths: readonly string[], depth: number): number {
  const files = [...new Set(paths)].filter((path) => directoryDepth(path) <= depth).length;
  return collapseAtDepth(paths, depth).length + files;
}

describe('treeLineCounts', () => {
  it('matches collapsing the tree at every depth, duplicates and all', () => {
    const random = seeded(3);
    for (let round = 0; round < 30; round++) {
      const paths = randomPaths(1 + Math.floor(random() * 80), random);
      const withDuplicates = [...paths, ...paths.slice(0, 5)];
      const expected = Array.from({ length: maxDirectoryDepth(paths) + 1 }, (_, depth) => linesByCollapsing(withDuplicates, depth));
      expect(treeLineCounts(withDuplicates)).toEqual(expected);
    }
  });

  it('counts the whole tree for files in the root only, and nothing for no files', () => {
    expect(treeLineCounts(['a.ts', 'b.ts'])).toEqual([2]);
    expect(treeLineCounts([])).toEqual([0]);
  });
});

describe('predictDeepestFit', () => {
  const lines = [2, 60, 400, 2000, 7000, 15000];

  it('picks the deepest depth inside the range whose lines fit at the given rate', () => {
    expect(predictDeepestFit(lines, { fitting: -1, failing: 6 }, 8, 51_200)).toBe(3);
    expect(predictDeepestFit(lines, { fitting: -1, failing: 6 }, 3, 51_200)).toBe(5);
    expect(predictDeepestFit(lines, { fitting: 3, failing: 6 }, 8, 51_200)).toBe(4);
  });

  it('falls back to the shallowest depth inside the range', () => {
    expect(predictDeepestFit(lines, { fitting: -1, failing: 6 }, 8, 10)).toBe(0);
    expect(predictDeepestFit(lines, { fitting: 2, failing: 4 }, 8, 51_200)).toBe(3);
  });
});
