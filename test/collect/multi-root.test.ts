import { labelRoots, mergeRootHistories } from '../../src/collect/index.js';
import { UsageError } from '../../src/shared/errors.js';

describe('labelRoots', () => {
  it('labels each root by its path relative to the common parent', () => {
    expect(labelRoots(['/w/api', '/w/web']).map((entry) => entry.label)).toEqual(['api', 'web']);
    expect(labelRoots(['/w/a/app', '/w/b/app']).map((entry) => entry.label)).toEqual(['a/app', 'b/app']);
    expect(labelRoots(['/w/x/deep/api', '/w/web']).map((entry) => entry.label)).toEqual(['x/deep/api', 'web']);
  });

  it('refuses a root given twice or one inside another', () => {
    expect(() => labelRoots(['/w/api', '/w/api/'])).toThrow(UsageError);
    expect(() => labelRoots(['/w', '/w/api'])).toThrow(/overlap/);
    expect(() => labelRoots(['/w/api', '/w/api-v2'])).not.toThrow();
  });
});

describe('mergeRootHistories', () => {
  it('prefixes paths and merges newest first, ties by root order', () => {
    const merged = mergeRootHistories([
      { label: 'api', commits: [{ epochSeconds: 30, paths: ['a.ts'] }, { epochSeconds: 10, paths: ['b.ts'] }] },
      { label: 'web', commits: [{ epochSeconds: 30, paths: ['c.ts'] }, { epochSeconds: 20, paths: ['d.ts'] }] },
    ]);
    expect(merged.map((commit) => commit.paths[0])).toEqual(['api/a.ts', 'web/c.ts', 'web/d.ts', 'api/b.ts']);
  });

  it('measures recency within each root: a quiet root\'s newest commit counts as the newest', () => {
    const merged = mergeRootHistories([
      { label: 'busy', commits: [{ epochSeconds: 1_000, paths: ['a.ts'] }, { epochSeconds: 900, paths: ['b.ts'] }] },
      { label: 'quiet', commits: [{ epochSeconds: 100, paths: ['c.ts'] }, { epochSeconds: 40, paths: ['d.ts'] }] },
    ]);
    expect(merged).toEqual([
      { epochSeconds: 1_000, paths: ['busy/a.ts'] },
      { epochSeconds: 1_000, paths: ['quiet/c.ts'] },
      { epochSeconds: 940, paths: ['quiet/d.ts'] },
      { epochSeconds: 900, paths: ['busy/b.ts'] },
    ]);
  });
});
