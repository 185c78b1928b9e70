/**
 * `repopack . --staged` packs what the next commit records: file contents from the index (like `repopack snapshot`),
 * untracked files left out; the summary and `--json` count diff sections apart from files; diff flags outside git
 * are usage errors.
 */
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pack } from '../../src/pack.js';
import { loadTokenizer } from '../../src/tokenize/index.js';
import { isolatedGitEnv, makeRepo, type TempRepo } from '../helpers/make-repo.js';
import { runCli } from '../helpers/run-cli.js';

let repo: TempRepo;
afterEach(() => repo.cleanup());

const GIT_ENV = isolatedGitEnv(tmpdir());

/** Committed a.ts and b.ts; a.ts staged with new text and then edited again; b.ts edited but not staged; c.ts untracked. */
async function stagedFixture(): Promise<TempRepo> {
  const fixture = await makeRepo(
    { 'src/a.ts': 'export const a = "committed";\n', 'src/b.ts': 'export const b = "committed";\n', 'README.md': '# demo\n' },
    { commit: true },
  );
  await fixture.write('src/a.ts', 'export const a = "staged";\n');
  await fixture.git('add', 'src/a.ts');
  await fixture.write('src/a.ts', 'export const a = "work tree only";\n');
  await fixture.write('src/b.ts', 'export const b = "unstaged edit";\n');
  await fixture.write('src/c.ts', 'export const c = "untracked";\n');
  return fixture;
}

describe('--staged reads the index', () => {
  it('the bundle holds the staged text (`git show :path`), not the work tree, and no untracked file', async () => {
    repo = await stagedFixture();
    const run = await runCli(['.', '--staged', '--budget', '8k', '--json', 'report.json', '-o', 'out.xml'], { cwd: repo.root, env: GIT_ENV });
    expect(run.code).toBe(0);
    const bundle = await readFile(join(repo.root, 'out.xml'), 'utf8');
    const staged = await repo.git('show', ':src/a.ts');
    expect(bundle).toContain(`<file path="src/a.ts" level="full">\n<![CDATA[${staged}`);
    expect(bundle).toContain('export const b = "committed";');
    expect(bundle).not.toContain('work tree only');
    expect(bundle).not.toContain('unstaged edit');
    expect(bundle).not.toContain('src/c.ts');
    expect(bundle).toContain('<diff path="src/a.ts"');
    // Gap 2: one diff and three files (a.ts, b.ts, README.md), not four "files".
    expect(run.stderr).toMatch(/repopack 3 files: 3 full; 1 diff: 1 function-context\n/);
    expect(run.stderr).toMatch(/src\/a\.ts \(diff\)/);
    const report = JSON.parse(await readFile(join(repo.root, 'report.json'), 'utf8')) as { totals: { files: number; diffs: number } };
    expect(report.totals).toMatchObject({ files: 3, diffs: 1 });
  });

  it('--diff (work tree) still reads the work tree and includes untracked files', async () => {
    repo = await stagedFixture();
    const { bundle } = await pack({ root: repo.root, budget: 8_000, diff: { kind: 'worktree' } }, { loadTokenizer });
    expect(bundle).toContain('work tree only');
    expect(bundle).toContain('unstaged edit');
    expect(bundle).toContain('<file path="src/c.ts"');
  });

  it('a file deleted in the work tree but not staged is still packed from the index; a staged deletion is a diff only', async () => {
    repo = await stagedFixture();
    await rm(join(repo.root, 'src/b.ts'));
    await repo.git('rm', '-q', '--cached', 'README.md');
    const { bundle } = await pack({ root: repo.root, budget: 8_000, diff: { kind: 'staged' } }, { loadTokenizer });
    expect(bundle).toContain('<file path="src/b.ts" level="full">\n<![CDATA[export const b = "committed";');
    expect(bundle).toContain('<diff path="README.md"');
    expect(bundle).not.toContain('<file path="README.md"');
  });

  it('with an explicit file list (--stdin) the listed files are read from the work tree', async () => {
    repo = await stagedFixture();
    const options = { root: repo.root, budget: 8_000, diff: { kind: 'staged' }, paths: ['src/a.ts'] } as const;
    const { bundle } = await pack(options, { loadTokenizer });
    expect(bundle).toContain('work tree only');
  });

  it('without a diff the summary counts no diffs and keeps its old form', async () => {
    repo = await makeRepo({ 'a.ts': 'export const a = 1;\n', 'b.ts': 'export const b = 2;\n' }, { commit: true });
    const run = await runCli(['.', '--budget', '8k'], { cwd: repo.root, env: GIT_ENV });
    expect(run.stderr).toMatch(/repopack 2 files: 2 full\n/);
  });
});

describe('diff flags outside a git work tree', () => {
  it('--tokens-only --staged counts the staged text, not the work tree, and leaves out untracked files', async () => {
    repo = await stagedFixture();
    const run = await runCli(['.', '--staged', '--tokens-only'], { cwd: repo.root, env: GIT_ENV });
    expect(run.code).toBe(0);
    const tokenizer = await loadTokenizer('o200k');
    const staged = await Promise.all(['src/a.ts', 'src/b.ts', 'README.md'].map((path) => repo.git('show', `:${path}`)));
    const total = staged.reduce((sum, text) => sum + tokenizer.count(text), 0);
    expect(run.stdout).toContain(`${total}\ttotal (3 files, o200k)`);
  });

  it.each(['--staged', '--diff', '--base main'])('%s: exit 2 naming the cause', async (flags) => {
    repo = await makeRepo({ 'a.ts': 'export const a = 1;\n' }, { git: false });
    const run = await runCli(['.', ...flags.split(' ')], { cwd: repo.root, env: GIT_ENV });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/error: .* is not inside a git work tree, so there are no changes to show/);
    expect(run.stderr).toMatch(/hint: run inside a git repository/);
    expect(run.stdout).toBe('');
  });
});
