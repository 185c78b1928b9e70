import { access, constants, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isolatedGitEnv, makeRepo, type TempRepo } from '../helpers/make-repo.js';
import { runCli } from '../helpers/run-cli.js';

let repo: TempRepo;
afterEach(() => repo.cleanup());

const hook = (args: readonly string[], cwd: string) => runCli(['hook', ...args], { cwd, env: isolatedGitEnv(tmpdir()) });

describe('repopack hook', () => {
  it('install writes an executable pre-commit hook that runs the snapshot; uninstall removes it', async () => {
    repo = await makeRepo({ 'a.py': 'print(1)\n' }, { commit: true });
    const file = join(repo.root, '.git/hooks/pre-commit');
    const install = await hook(['install'], repo.root);
    expect(install.code).toBe(0);
    expect(await readFile(file, 'utf8')).toMatch(/^#!\/bin\/sh\n# managed by repopack hook install[^]*repopack snapshot --quiet/);
    await expect(access(file, constants.X_OK)).resolves.toBeUndefined();
    // Installing again over our own hook is fine.
    expect((await hook(['install'], repo.root)).code).toBe(0);
    const uninstall = await hook(['uninstall'], repo.root);
    expect(uninstall.code).toBe(0);
    await expect(access(file)).rejects.toThrow();
    expect((await hook(['uninstall'], repo.root)).stderr).toMatch(/nothing to remove/);
  });

  it('refuses to overwrite a foreign hook without --force, and keeps it as a backup with --force', async () => {
    repo = await makeRepo({ 'a.py': 'print(1)\n' }, { commit: true });
    const file = join(repo.root, '.git/hooks/pre-commit');
    await writeFile(file, '#!/bin/sh\nmake lint\n', { mode: 0o755 });
    const refused = await hook(['install'], repo.root);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/was not written by repopack/);
    expect(await readFile(file, 'utf8')).toBe('#!/bin/sh\nmake lint\n');
    expect((await hook(['uninstall'], repo.root)).code).toBe(2);
    expect(await readFile(file, 'utf8')).toBe('#!/bin/sh\nmake lint\n');
    expect((await hook(['install', '--force'], repo.root)).code).toBe(0);
    expect(await readFile(`${file}.repopack-backup`, 'utf8')).toBe('#!/bin/sh\nmake lint\n');
  });

  it('names the hook manager it will not displace (lefthook hook, husky hooksPath)', async () => {
    repo = await makeRepo({ 'a.py': 'print(1)\n' }, { commit: true });
    await writeFile(join(repo.root, '.git/hooks/pre-commit'), '#!/bin/sh\nlefthook run pre-commit "$@"\n');
    expect((await hook(['install'], repo.root)).stderr).toMatch(/hint: .*lefthook\.yml/);
    await repo.git('config', 'core.hooksPath', '.husky/_');
    const husky = await hook(['install'], repo.root);
    expect(husky.code).toBe(2);
    expect(husky.stderr).toMatch(/managed by husky/);
  });

  it('honours core.hooksPath', async () => {
    repo = await makeRepo({ 'a.py': 'print(1)\n' }, { commit: true });
    await mkdir(join(repo.root, 'githooks'));
    await repo.git('config', 'core.hooksPath', 'githooks');
    const install = await hook(['install'], repo.root);
    expect(install.stderr).toMatch(/installed the pre-commit hook at .*githooks\/pre-commit/);
    expect(install.code).toBe(0);
    expect(await readFile(join(repo.root, 'githooks/pre-commit'), 'utf8')).toContain('repopack snapshot');
  });

  it('the installed hook runs during a commit and writes the snapshot without blocking it', async () => {
    repo = await makeRepo({ 'a.py': 'print(1)\n' }, { commit: true });
    await hook(['install'], repo.root);
    // The hook finds repopack through node_modules/.bin, as in a project that installed it.
    await mkdir(join(repo.root, 'node_modules/.bin'), { recursive: true });
    const bin = new URL('../../bin/repopack.js', import.meta.url).pathname;
    await writeFile(join(repo.root, 'node_modules/.bin/repopack'), `#!/bin/sh\nexec "${process.execPath}" "${bin}" "$@"\n`, { mode: 0o755 });
    await writeFile(join(repo.root, '.gitignore'), 'node_modules/\n.repopack/\n');
    await repo.write('a.py', 'print(2)\n');
    await repo.git('add', 'a.py', '.gitignore');
    await repo.git('commit', '-q', '-m', 'second');
    expect(await readFile(join(repo.root, '.repopack/context.xml'), 'utf8')).toContain('print(2)');
  });
});
