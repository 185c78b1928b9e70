/**
 * Warm snapshots: the header records a key of the index, HEAD, options and version; when it matches, `repopack
 * snapshot` packs nothing and leaves the file untouched. Every relevant change gives a new key and new content.
 */
import { chmod, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { takeSnapshot, type SnapshotOptions } from '../../src/cli/snapshot-command.js';
import { isolatedGitEnv, makeRepo, type TempRepo } from '../helpers/make-repo.js';
import { runCli } from '../helpers/run-cli.js';

let repo: TempRepo;
afterEach(() => repo.cleanup());

const GIT_ENV = isolatedGitEnv(tmpdir());
const KEY_LINE = /snapshot-key: ([0-9a-f]{32})/;

/** A repository with one committed file and a staged change to it. */
async function stagedRepo(): Promise<TempRepo> {
  const fixture = await makeRepo({ 'src/a.ts': 'export const a = 1;\n', 'src/b.ts': 'export const b = 1;\n' }, { commit: true });
  await fixture.write('src/a.ts', 'export const a = 2;\n');
  await fixture.git('add', 'src/a.ts');
  return fixture;
}

function optionsFor(root: string, extra: Partial<SnapshotOptions> = {}): SnapshotOptions {
  return {
    root,
    output: join(root, '.repopack/context.xml'),
    budget: 8_000,
    style: 'xml',
    tokenizer: 'o200k',
    include: [],
    ignore: [],
    always: false,
    strict: true,
    quiet: true,
    toolVersion: '1.0.0',
    ...extra,
  };
}

const snapshotFile = (root: string) => readFile(join(root, '.repopack/context.xml'), 'utf8');

describe('snapshot key', () => {
  it('CLI: unchanged → nothing packed (--verbose says so), file untouched; a work-tree edit or staging the snapshot changes nothing', async () => {
    repo = await stagedRepo();
    const first = await runCli(['snapshot'], { cwd: repo.root, env: GIT_ENV });
    expect(first.stderr).toMatch(/wrote \.repopack\/context\.xml/);
    const written = await snapshotFile(repo.root);
    const key = KEY_LINE.exec(written)?.[1];
    expect(key).toBeDefined();
    const writtenAt = (await stat(join(repo.root, '.repopack/context.xml'))).mtimeMs;
    await repo.write('src/b.ts', 'export const b = "not staged";\n');
    await repo.git('add', '.repopack/context.xml');
    const warm = await runCli(['snapshot', '--verbose'], { cwd: repo.root, env: GIT_ENV });
    expect(warm.code).toBe(0);
    expect(warm.stderr).toContain(`key ${key} matches the index, HEAD, options and version: nothing packed`);
    expect(await snapshotFile(repo.root)).toBe(written);
    expect((await stat(join(repo.root, '.repopack/context.xml'))).mtimeMs).toBe(writtenAt);
  });

  it('a staged change, an option, the version or a .repopackignore edit repacks; --force packs again', async () => {
    repo = await stagedRepo();
    expect((await takeSnapshot(optionsFor(repo.root))).kind).toBe('written');
    const keyOf = async () => KEY_LINE.exec(await snapshotFile(repo.root))?.[1];
    const keys = new Set([await keyOf()]);
    expect((await takeSnapshot(optionsFor(repo.root))).kind).toBe('key-matches');

    await repo.write('src/a.ts', 'export const a = 3;\n');
    await repo.git('add', 'src/a.ts');
    expect((await takeSnapshot(optionsFor(repo.root))).kind).toBe('written');
    expect(await snapshotFile(repo.root)).toContain('export const a = 3;');
    keys.add(await keyOf());

    expect((await takeSnapshot(optionsFor(repo.root, { style: 'markdown' }))).kind).toBe('written');
    expect(await snapshotFile(repo.root)).toMatch(/^# Repository [^]*export const a = 3;/);
    keys.add(await keyOf());
    expect((await takeSnapshot(optionsFor(repo.root, { style: 'markdown', toolVersion: '1.0.1' }))).kind).toBe('written');
    keys.add(await keyOf());

    await repo.write('.repopackignore', 'src/b.ts\n');
    expect((await takeSnapshot(optionsFor(repo.root, { style: 'markdown', toolVersion: '1.0.1' }))).kind).toBe('written');
    expect(await snapshotFile(repo.root)).not.toContain('export const b');
    keys.add(await keyOf());
    expect(keys.size).toBe(5);

    const forced = await takeSnapshot(optionsFor(repo.root, { style: 'markdown', toolVersion: '1.0.1', force: true }));
    expect(forced.kind).toBe('unchanged');
  });

  it('a staged mode change repacks (the diff shows it), a commit of the staged state too (HEAD moved)', async () => {
    repo = await stagedRepo();
    expect((await takeSnapshot(optionsFor(repo.root))).kind).toBe('written');
    await chmod(join(repo.root, 'src/b.ts'), 0o755);
    await repo.git('add', 'src/b.ts');
    expect((await takeSnapshot(optionsFor(repo.root))).kind).toBe('written');
    expect(await snapshotFile(repo.root)).toMatch(/<diff path="src\/b\.ts"[^>]*mode 100644 → 100755/);
    await repo.git('commit', '-q', '-m', 'second');
    await repo.write('src/a.ts', 'export const a = 4;\n');
    await repo.git('add', 'src/a.ts');
    expect((await takeSnapshot(optionsFor(repo.root))).kind).toBe('written');
  });
});
