import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FIXED_GIT_DATE, type TempRepo, isolatedGitEnv, makeRepo } from '../helpers/make-repo.js';

let repo: TempRepo | undefined;
afterEach(async () => {
  await repo?.cleanup();
  repo = undefined;
});

describe('makeRepo test helper', () => {
  it('writes text and bytes under a fresh repopack- temp directory, creating parents', async () => {
    repo = await makeRepo({ 'a/b/c.txt': 'text\n', 'bin.dat': new Uint8Array([0, 1, 2]) }, { git: false });
    expect(repo.root).toMatch(/repopack-[^/]+$/);
    expect(await readFile(join(repo.root, 'a', 'b', 'c.txt'), 'utf8')).toBe('text\n');
    expect([...(await readFile(join(repo.root, 'bin.dat')))]).toEqual([0, 1, 2]);
    await expect(access(join(repo.root, '.git'))).rejects.toThrow();
  });

  it('commits everything reproducibly on main with the fixed identity and date', async () => {
    repo = await makeRepo({ 'x.ts': 'x\n' }, { commit: true });
    expect((await repo.git('rev-parse', '--abbrev-ref', 'HEAD')).trim()).toBe('main');
    const log = await repo.git('log', '-1', '--format=%an <%ae> %aI %cI');
    expect(log.trim()).toBe('Repopack Test <test@repopack.invalid> 2026-01-01T00:00:00+00:00 2026-01-01T00:00:00+00:00');
    expect(await repo.git('status', '--porcelain')).toBe('');
    const again = await makeRepo({ 'x.ts': 'x\n' }, { commit: true });
    try {
      expect(await again.git('rev-parse', 'HEAD')).toBe(await repo.git('rev-parse', 'HEAD'));
    } finally {
      await again.cleanup();
    }
  });

  it('removes the directory on cleanup', async () => {
    const temp = await makeRepo({ 'x.ts': 'x\n' });
    await temp.cleanup();
    await expect(access(temp.root)).rejects.toThrow();
  });

  it('builds an environment that ignores global and system git config', () => {
    const env = isolatedGitEnv('/tmp/home');
    expect(env).toMatchObject({ HOME: '/tmp/home', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' });
    expect(env.GIT_AUTHOR_DATE).toBe(FIXED_GIT_DATE);
  });
});
