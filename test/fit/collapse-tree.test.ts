import { collapseAtDepth, maxDirectoryDepth } from '../../src/fit/collapse-tree.js';

const PATHS = ['README.md', 'src/a.ts', 'src/b/c.ts', 'src/b/d/e.ts', 'src/b/d/f.ts', 'test/x.ts', 'z/y/w/v.ts'];

describe('collapseAtDepth', () => {
  it('collapses the directories one level below the depth, with their file counts, sorted by path', () => {
    expect(maxDirectoryDepth(PATHS)).toBe(3);
    expect(collapseAtDepth(PATHS, 0)).toEqual([
      { path: 'src', fileCount: 4 },
      { path: 'test', fileCount: 1 },
      { path: 'z', fileCount: 1 },
    ]);
    expect(collapseAtDepth(PATHS, 1)).toEqual([
      { path: 'src/b', fileCount: 3 },
      { path: 'z/y', fileCount: 1 },
    ]);
    expect(collapseAtDepth(PATHS, 2)).toEqual([
      { path: 'src/b/d', fileCount: 2 },
      { path: 'z/y/w', fileCount: 1 },
    ]);
    expect(collapseAtDepth(PATHS, 3)).toEqual([]);
    expect(collapseAtDepth(PATHS, -1)).toEqual([{ path: '', fileCount: PATHS.length }]);
  });
});
