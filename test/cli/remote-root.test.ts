import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { remoteUrl, repositoryName } from '../../src/cli/remote-root.js';
import { makeRepo, type TempRepo } from '../helpers/make-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { readXmlBundle } from '../render/bundle-readers.js';

let repo: TempRepo;
let scratch: string;
let bare: string;
beforeAll(async () => {
  repo = await makeRepo({ 'README.md': '# Remote demo\n', 'lib/core.py': 'def run():\n    return 1\n' }, { commit: true });
  scratch = await mkdtemp(join(tmpdir(), 'repopack-remote-test-'));
  bare = join(scratch, 'demo.git');
  await repo.git('clone', '--quiet', '--bare', repo.root, bare);
});
afterAll(async () => {
  await repo.cleanup();
  await rm(scratch, { recursive: true, force: true });
});

/** Our clones live in the temp directory as `repopack-remote-*`; a test's own TMPDIR shows whether any is left. */
async function leftoverClones(directory: string): Promise<string[]> {
  return (await readdir(directory)).filter((name) => name.startsWith('repopack-remote-'));
}

describe('remote repository argument', () => {
  it('tells URLs, scp-like addresses and owner/repo from local paths', () => {
    const none = () => false;
    expect(remoteUrl('https://github.com/gin-gonic/gin', none)).toBe('https://github.com/gin-gonic/gin');
    expect(remoteUrl('git@github.com:gin-gonic/gin.git', none)).toBe('git@github.com:gin-gonic/gin.git');
    expect(remoteUrl('gin-gonic/gin', none)).toBe('https://github.com/gin-gonic/gin.git');
    expect(remoteUrl('gin-gonic/gin', () => true)).toBeUndefined();
    expect(remoteUrl('.', none)).toBeUndefined();
    expect(remoteUrl('../api', none)).toBeUndefined();
    expect(remoteUrl('a/b/c', none)).toBeUndefined();
    expect(repositoryName('https://github.com/gin-gonic/gin.git')).toBe('gin');
    expect(repositoryName('git@host:team/api.git')).toBe('api');
  });

  it('shallow-clones a file:// repository, packs it under its name and removes the clone', async () => {
    const tmp = await mkdtemp(join(scratch, 'tmp-ok-'));
    const run = await runCli([`file://${bare}`, '--budget', '4k'], { env: { TMPDIR: tmp } });
    expect(run.code).toBe(0);
    const bundle = readXmlBundle(run.stdout);
    expect(bundle.name).toBe('demo');
    expect(bundle.files.map((file) => file.path).sort()).toEqual(['README.md', 'lib/core.py']);
    expect(await leftoverClones(tmp)).toEqual([]);
  });

  it('a clone that fails is a clear error (exit 1) and leaves nothing behind', async () => {
    const tmp = await mkdtemp(join(scratch, 'tmp-fail-'));
    const run = await runCli([`file://${join(scratch, 'missing.git')}`], { env: { TMPDIR: tmp } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('could not clone file://');
    expect(run.stdout).toBe('');
    expect(await leftoverClones(tmp)).toEqual([]);
  });

  it('the clone is removed when the pack itself fails (budget too small, exit 2)', async () => {
    const tmp = await mkdtemp(join(scratch, 'tmp-budget-'));
    const run = await runCli([`file://${bare}`, '--budget', '10'], { env: { TMPDIR: tmp } });
    expect(run.code).toBe(2);
    expect(await leftoverClones(tmp)).toEqual([]);
  });
});

describe('repopack completion', () => {
  it('prints a completion script that calls back with --get-yargs-completions; exit 0', async () => {
    const run = await runCli(['completion']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--get-yargs-completions');
    const candidates = await runCli(['--get-yargs-completions', 'repopack', '--']);
    expect(candidates.code).toBe(0);
    expect(candidates.stdout.split('\n')).toEqual(expect.arrayContaining(['--budget', '--copy', '--split']));
  });
});
