import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectChanges, createGitRunner } from '../../src/git/index.js';
import { GitError, UsageError } from '../../src/shared/errors.js';
import type { DiffMode, FileChange } from '../../src/shared/types.js';
import { isolatedGitEnv, makeRepo, type TempRepo } from '../helpers/make-repo.js';

let repo: TempRepo;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await repo.cleanup();
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const FUNCTION_FILE = ['export function first() {', '  const a = 1;', '  const b = 2;', '  const c = 3;', '  const d = 4;', '  return a + b + c + d;', '}', ''].join('\n');

function changesOf(root: string, mode: DiffMode, logCount?: number) {
  return collectChanges({ root, mode, git: createGitRunner(root, isolatedGitEnv(tmpdir())), ...(logCount ? { logCount } : {}) });
}

function byPath(changes: readonly FileChange[]): Record<string, FileChange> {
  return Object.fromEntries(changes.map((change) => [change.path, change]));
}

describe('collectChanges: working tree and index', () => {
  beforeEach(async () => {
    repo = await makeRepo(
      { 'src/a.ts': FUNCTION_FILE, 'gone.txt': 'bye\n', 'old-name.ts': 'export const kept = "same text in both names";\n', 'run.sh': 'echo hi\n', 'logo.bin': new Uint8Array([0, 1, 2, 3]) },
      { commit: true },
    );
    await repo.write('src/a.ts', FUNCTION_FILE.replace('const c = 3;', 'const c = 33;'));
    await repo.git('rm', '-q', 'gone.txt');
    await repo.git('mv', 'old-name.ts', 'new-name.ts');
    await chmod(join(repo.root, 'run.sh'), 0o755);
    await repo.git('update-index', '--chmod=+x', 'run.sh');
    await repo.write('logo.bin', new Uint8Array([0, 9, 9, 9]));
    await repo.write('notes/new.md', '# new\n\ntext\n');
  });

  it('--diff: modified, deleted, renamed, mode change, binary change and untracked files', async () => {
    const set = await changesOf(repo.root, { kind: 'worktree' });
    const changes = byPath(set.changes);
    expect(set.changes.map((change) => change.path)).toEqual(['gone.txt', 'logo.bin', 'new-name.ts', 'notes/new.md', 'run.sh', 'src/a.ts']);
    expect(changes['src/a.ts']).toMatchObject({ status: 'modified', additions: 1, deletions: 1, summary: 'modified, +1 −1' });
    // Function context shows the whole enclosing function; one line of context does not.
    expect(changes['src/a.ts']!.functionContext).toContain('   return a + b + c + d;');
    expect(changes['src/a.ts']!.hunks).not.toContain('return a + b + c + d;');
    expect(changes['src/a.ts']!.hunks).toContain('+  const c = 33;');
    expect(changes['gone.txt']).toMatchObject({ status: 'deleted', deletions: 1 });
    expect(changes['gone.txt']!.functionContext).toContain('-bye');
    expect(changes['new-name.ts']).toMatchObject({ status: 'renamed', oldPath: 'old-name.ts' });
    expect(changes['new-name.ts']!.summary).toBe('renamed from old-name.ts (100% similar)');
    expect(changes['run.sh']).toMatchObject({ modeChange: '100644 → 100755', summary: 'modified, mode 100644 → 100755' });
    expect(changes['logo.bin']).toMatchObject({ isBinary: true, patchOmitted: 'binary', summary: 'modified, binary' });
    expect(changes['notes/new.md']).toMatchObject({ status: 'added', additions: 3, summary: 'added (untracked), +3' });
    expect(set.description).toMatch(/^working tree vs HEAD \([0-9a-f]{7}, main\)$/);
  });

  it('zero-context hunks: only the changed lines under their @@ header, shorter than one-line hunks', async () => {
    const changes = byPath((await changesOf(repo.root, { kind: 'worktree' })).changes);
    const change = changes['src/a.ts']!;
    expect(change.zeroContext).toBe('@@ -4 +4 @@ export function first() {\n-  const c = 3;\n+  const c = 33;\n');
    expect(change.hunks).toContain('   const b = 2;');
    expect(change.zeroContext!.length).toBeLessThan(change.hunks!.length);
    expect(changes['logo.bin']!.zeroContext).toBeUndefined();
  });

  it('--staged: only what the index changed, untracked and unstaged work left out', async () => {
    const set = await changesOf(repo.root, { kind: 'staged' });
    expect(set.changes.map((change) => change.path)).toEqual(['gone.txt', 'new-name.ts', 'run.sh']);
    expect(set.description).toMatch(/^staged changes vs HEAD/);
  });

  it('reports paths relative to a subdirectory root and only below it', async () => {
    const set = await changesOf(join(repo.root, 'src'), { kind: 'worktree' });
    expect(set.changes.map((change) => change.path)).toEqual(['a.ts']);
  });
});

describe('collectChanges: refs and merge-bases', () => {
  beforeEach(async () => {
    repo = await makeRepo({ 'core.ts': 'export const v = 0;\n' }, { commit: true });
    await repo.git('checkout', '-q', '-b', 'feature');
    for (const step of [1, 2, 3]) {
      await repo.write(`feature-${step}.ts`, `export const f${step} = ${step};\n`);
      await repo.git('add', '-A');
      await repo.git('commit', '-q', '-m', `feature ${step}`);
    }
    await repo.git('checkout', '-q', 'main');
    await repo.write('main-only.ts', 'export const m = 1;\n');
    await repo.git('add', '-A');
    await repo.git('commit', '-q', '-m', 'main moves on');
    await repo.git('checkout', '-q', 'feature');
    await repo.write('core.ts', 'export const v = 1;\n');
  });

  it('--base main: everything since the merge-base three commits back, uncommitted work included', async () => {
    const set = await changesOf(repo.root, { kind: 'base', ref: 'main' });
    // main-only.ts came after the merge-base on main: it is not the feature's change.
    expect(set.changes.map((change) => change.path)).toEqual(['core.ts', 'feature-1.ts', 'feature-2.ts', 'feature-3.ts']);
    expect(set.description).toMatch(/merge-base of main and HEAD/);
  });

  it('--diff main: the trees compared directly, so main-only.ts shows as deleted', async () => {
    const set = await changesOf(repo.root, { kind: 'ref', ref: 'main' });
    expect(byPath(set.changes)['main-only.ts']).toMatchObject({ status: 'deleted' });
  });

  it('--log 2 lists the last commits with their files', async () => {
    const set = await collectChanges({ root: repo.root, logCount: 2, git: createGitRunner(repo.root, isolatedGitEnv(tmpdir())) });
    expect(set.changes).toEqual([]);
    expect(set.commits.map((commit) => [commit.subject, commit.files])).toEqual([
      ['feature 3', ['feature-3.ts']],
      ['feature 2', ['feature-2.ts']],
    ]);
    expect(set.commits[0]).toMatchObject({ author: 'Repopack Test', date: '2026-01-01T00:00:00+00:00' });
  });

  it('a ref that names nothing, even one that looks like an option, is a UsageError quoting the flag', async () => {
    await expect(changesOf(repo.root, { kind: 'ref', ref: 'no-such-branch' })).rejects.toThrow(UsageError);
    await expect(changesOf(repo.root, { kind: 'base', ref: '--output=/tmp/x' })).rejects.toThrow(/--base --output=\/tmp\/x: not a commit/);
  });

  it('works on a detached HEAD', async () => {
    await repo.git('checkout', '-q', '--detach', 'HEAD~1');
    const set = await changesOf(repo.root, { kind: 'base', ref: 'main' });
    expect(set.changes.map((change) => change.path)).toEqual(['core.ts', 'feature-1.ts', 'feature-2.ts']);
    const worktree = await changesOf(repo.root, { kind: 'worktree' });
    expect(worktree.description).toMatch(/detached/);
  });
});

describe('collectChanges: unusual repositories', () => {
  it('a repository with no commits: everything is added; --base has no merge-base', async () => {
    repo = await makeRepo({ 'a.ts': 'export const a = 1;\n', 'b.ts': 'export const b = 2;\n' });
    await repo.git('add', 'a.ts');
    const worktree = await changesOf(repo.root, { kind: 'worktree' });
    expect(worktree.changes.map((change) => [change.path, change.status])).toEqual([['a.ts', 'added'], ['b.ts', 'added']]);
    expect(worktree.description).toMatch(/no commits yet/);
    const staged = await changesOf(repo.root, { kind: 'staged' });
    expect(staged.changes.map((change) => change.path)).toEqual(['a.ts']);
    await expect(changesOf(repo.root, { kind: 'base', ref: 'HEAD' })).rejects.toThrow(UsageError);
    await expect(changesOf(repo.root, { kind: 'worktree' }, 3)).resolves.toMatchObject({ commits: [] });
  });

  it('a shallow clone: --diff works, --base beyond the history is a clear error', async () => {
    repo = await makeRepo({ 'a.ts': 'export const a = 1;\n' }, { commit: true });
    await repo.write('a.ts', 'export const a = 2;\n');
    await repo.git('commit', '-q', '-am', 'second');
    const parent = await mkdtemp(join(tmpdir(), 'repopack-shallow-'));
    cleanups.push(() => rm(parent, { recursive: true, force: true }));
    await repo.git('clone', '-q', '--depth', '1', `file://${repo.root}`, join(parent, 'clone'));
    const clone = join(parent, 'clone');
    await expect(changesOf(clone, { kind: 'worktree' })).resolves.toMatchObject({ changes: [] });
    const error = await changesOf(clone, { kind: 'base', ref: 'HEAD~1' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).hint).toMatch(/shallow/);
  });

  it('outside a git repository every diff mode is a UsageError', async () => {
    repo = await makeRepo({ 'a.ts': 'x\n' }, { git: false });
    const error = await changesOf(repo.root, { kind: 'worktree' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UsageError);
    expect(error).not.toBeInstanceOf(GitError);
    expect((error as UsageError).message).toMatch(/not inside a git work tree/);
  });

  it('a lockfile and a huge diff are summarised, not inlined', async () => {
    repo = await makeRepo({ 'package-lock.json': '{}\n', 'big.txt': 'x\n' }, { commit: true });
    await repo.write('package-lock.json', '{"lockfileVersion": 3}\n');
    await repo.write('big.txt', Array.from({ length: 2_500 }, (_, index) => `line ${index}`).join('\n'));
    const changes = byPath((await changesOf(repo.root, { kind: 'worktree' })).changes);
    expect(changes['package-lock.json']).toMatchObject({ patchOmitted: 'lockfile' });
    expect(changes['package-lock.json']!.functionContext).toBeUndefined();
    expect(changes['big.txt']!.patchOmitted).toMatch(/^2,501 changed lines > 2,000$/);
  });
});
