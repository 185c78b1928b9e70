import { join } from 'node:path';
import { toAbsolute } from '../../src/collect/root-paths.js';

describe('toAbsolute', () => {
  const roots = ['/repo', '/repo/', '/', '/a/../repo', 'relative/root', '.'];
  const paths = ['a.ts', 'src/a.ts', '.github/workflows/ci.yml', 'a..b/c', 'dir/.hidden', './a.ts', 'a/./b', 'a/../b',
    'a//b', '/a', 'a/', '..', 'a/..'];

  it.each(roots)('matches join for every path shape under root %s', (root) => {
    for (const path of paths) expect([path, toAbsolute(root, path)]).toEqual([path, join(root, ...path.split('/'))]);
  });

  it('is the root itself for the empty path', () => {
    expect(toAbsolute('/repo', '')).toBe('/repo');
  });
});
