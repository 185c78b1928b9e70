import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultCacheDirectory, hashText, openCache } from '../../src/cache/index.js';

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'repopack-cache-'));
});
afterEach(() => rm(directory, { recursive: true, force: true }));

describe('openCache', () => {
  it('keeps values across opens and writes one file per namespace, no temporary files left', async () => {
    const first = openCache({ directory, fingerprint: 'build-a' });
    first.set('tokens-o200k', hashText('hello'), 1);
    first.set('syntax', 'k', { definitions: [], imports: ['os'] });
    expect(await first.flush()).toEqual([]);
    const second = openCache({ directory, fingerprint: 'build-a' });
    expect(second.get('tokens-o200k', hashText('hello'))).toBe(1);
    expect(second.get('syntax', 'k')).toEqual({ definitions: [], imports: ['os'] });
    expect((await readdir(directory)).sort()).toEqual(['syntax.json', 'tokens-o200k.json']);
  });

  it('ignores and rewrites a corrupt file', async () => {
    await writeFile(join(directory, 'counts.json'), '{"tag":"repopack-cache","fingerprint":"build-a","entries":{"a":[1,');
    const cache = openCache({ directory, fingerprint: 'build-a' });
    expect(cache.get('counts', 'a')).toBeUndefined();
    cache.set('counts', 'b', 2);
    expect(await cache.flush()).toEqual([]);
    const text = await readFile(join(directory, 'counts.json'), 'utf8');
    expect(JSON.parse(text).entries).toEqual({ b: [2, expect.any(Number)] });
  });

  it('ignores a file of another build or a foreign shape, and replaces it', async () => {
    const old = openCache({ directory, fingerprint: 'build-a' });
    old.set('counts', 'a', 1);
    await old.flush();
    await writeFile(join(directory, 'other.json'), JSON.stringify({ entries: { a: [5, 0] } }));
    const fresh = openCache({ directory, fingerprint: 'build-b' });
    expect(fresh.get('counts', 'a')).toBeUndefined();
    expect(fresh.get('other', 'a')).toBeUndefined();
    fresh.set('counts', 'c', 3);
    await fresh.flush();
    const reread = openCache({ directory, fingerprint: 'build-b' });
    expect([reread.get('counts', 'a'), reread.get('counts', 'c')]).toEqual([undefined, 3]);
  });

  it('merges with what another run wrote in between (no lost namespace file, ours win on a shared key)', async () => {
    const one = openCache({ directory, fingerprint: 'f' });
    const two = openCache({ directory, fingerprint: 'f' });
    one.get('counts', 'x');
    two.get('counts', 'x');
    one.set('counts', 'a', 1);
    two.set('counts', 'b', 2);
    two.set('counts', 'a', 9);
    await one.flush();
    await two.flush();
    const reread = openCache({ directory, fingerprint: 'f' });
    expect([reread.get('counts', 'a'), reread.get('counts', 'b')]).toEqual([9, 2]);
  });

  it('prunes the least recently written entries beyond the size cap', async () => {
    let clock = 1_000;
    const cache = openCache({ directory, fingerprint: 'f', maxNamespaceBytes: 2_000, now: () => clock++ });
    for (let index = 0; index < 100; index++) cache.set('texts', `key-${String(index).padStart(3, '0')}`, 'x'.repeat(40));
    await cache.flush();
    const size = (await readFile(join(directory, 'texts.json'), 'utf8')).length;
    expect(size).toBeLessThanOrEqual(2_000);
    const reread = openCache({ directory, fingerprint: 'f' });
    expect(reread.get('texts', 'key-099')).toBe('x'.repeat(40));
    expect(reread.get('texts', 'key-000')).toBeUndefined();
  });

  it('reports an unwritable directory as a warning instead of throwing', async () => {
    const blocker = join(directory, 'file');
    await writeFile(blocker, '');
    const cache = openCache({ directory: join(blocker, 'cache'), fingerprint: 'f' });
    cache.set('counts', 'a', 1);
    const warnings = await cache.flush();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/cache not written/);
  });

  it('refuses a namespace that is not a plain file name', () => {
    const cache = openCache({ directory, fingerprint: 'f' });
    expect(() => cache.get('../escape', 'a')).toThrow(/not a plain name/);
  });
});

describe('defaultCacheDirectory', () => {
  const home = '/home/u';
  it('follows XDG_CACHE_HOME, then the platform convention', () => {
    expect(defaultCacheDirectory({ env: { XDG_CACHE_HOME: '/x' }, platform: 'linux', home })).toBe(join('/x', 'repopack'));
    expect(defaultCacheDirectory({ env: {}, platform: 'linux', home })).toBe(join(home, '.cache', 'repopack'));
    expect(defaultCacheDirectory({ env: {}, platform: 'darwin', home })).toBe(join(home, 'Library', 'Caches', 'repopack'));
    expect(defaultCacheDirectory({ env: { LOCALAPPDATA: 'C:\\L' }, platform: 'win32', home })).toBe(join('C:\\L', 'repopack'));
  });
});
