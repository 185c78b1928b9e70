import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { isolatedGitEnv, makeRepo, type TempRepo } from '../helpers/make-repo.js';
import { runCli } from '../helpers/run-cli.js';

let repo: TempRepo;
afterEach(() => repo.cleanup());

const GIT_ENV = isolatedGitEnv(tmpdir());
const snapshot = (args: readonly string[], cwd: string) => runCli(['snapshot', ...args], { cwd, env: GIT_ENV });

describe('repopack snapshot', () => {
  it('packs the staged content, equal to `git show :path`, even when the work tree differs', async () => {
    repo = await makeRepo({ 'src/a.ts': 'export const a = "committed";\n', 'README.md': '# demo\n' }, { commit: true });
    await repo.write('src/a.ts', 'export const a = "staged";\n');
    await repo.git('add', 'src/a.ts');
    await repo.write('src/a.ts', 'export const a = "working tree";\n');
    const run = await snapshot(['--budget', '8k'], repo.root);
    expect(run.code).toBe(0);
    const written = await readFile(join(repo.root, '.repopack/context.xml'), 'utf8');
    const staged = await repo.git('show', ':src/a.ts');
    expect(written).toContain(`<file path="src/a.ts" level="full">\n<![CDATA[${staged}`);
    expect(written).not.toContain('working tree');
    expect(written).toContain('<diff path="src/a.ts"');
    expect(run.stderr).toMatch(/wrote \.repopack\/context\.xml/);
  });

  it('twice with no change gives byte-identical files and leaves the file untouched', async () => {
    repo = await makeRepo({ 'a.py': 'print(1)\n' }, { commit: true });
    await repo.write('a.py', 'print(2)\n');
    await repo.git('add', 'a.py');
    expect((await snapshot(['-o', 'ctx/snap.md', '-s', 'markdown'], repo.root)).code).toBe(0);
    const first = await readFile(join(repo.root, 'ctx/snap.md'));
    const firstTime = (await stat(join(repo.root, 'ctx/snap.md'))).mtimeMs;
    const second = await snapshot(['-o', 'ctx/snap.md', '-s', 'markdown'], repo.root);
    expect(second.stderr).toMatch(/already up to date/);
    expect(await readFile(join(repo.root, 'ctx/snap.md'))).toEqual(first);
    expect((await stat(join(repo.root, 'ctx/snap.md'))).mtimeMs).toBe(firstTime);
  });

  it('exits 0 without writing when nothing relevant is staged (the snapshot itself does not count)', async () => {
    repo = await makeRepo({ 'a.py': 'print(1)\n' }, { commit: true });
    await repo.write('.repopack/context.xml', 'old\n');
    await repo.git('add', '.repopack/context.xml');
    const run = await snapshot([], repo.root);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/nothing relevant staged/);
    expect(await readFile(join(repo.root, '.repopack/context.xml'), 'utf8')).toBe('old\n');
  });

  it('outside git: a warning and exit 0, or exit 2 with --strict', async () => {
    repo = await makeRepo({ 'a.py': 'print(1)\n' }, { git: false });
    const lenient = await snapshot([], repo.root);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toMatch(/warning: repopack snapshot failed, the commit goes on without it: .*not inside a git work tree/);
    const strict = await snapshot(['--strict'], repo.root);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toMatch(/error: .*not inside a git work tree/);
  });

  it('works in a linked worktree', async () => {
    repo = await makeRepo({ 'a.py': 'print(1)\n' }, { commit: true });
    const linked = join(repo.root, '..', `${repo.root.split('/').pop()}-linked`);
    await repo.git('worktree', 'add', '-q', linked);
    try {
      await promisify(execFile)('git', ['-C', linked, 'rm', '-q', '--cached', 'a.py'], { env: GIT_ENV });
      const run = await snapshot(['--budget', '4k'], linked);
      expect(run.code).toBe(0);
      expect(await readFile(join(linked, '.repopack/context.xml'), 'utf8')).toContain('<diff path="a.py" level="function-context" change="deleted, −1">');
    } finally {
      await repo.git('worktree', 'remove', '--force', linked);
    }
  });
});
