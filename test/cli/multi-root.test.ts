import { join } from 'node:path';
import { loadTokenizer } from '../../src/tokenize/index.js';
import { makeRepo, type TempRepo } from '../helpers/make-repo.js';
import { runCli } from '../helpers/run-cli.js';

const BUDGET = 1500;

/** A small module set: about 1,100 tokens per root, so two roots do not fit 1,500 together. */
function moduleFiles(prefix: string, name: string): Record<string, string> {
  const result: Record<string, string> = { [`${prefix}/README.md`]: `# ${name}\n\nThe ${name} service.\n` };
  for (let index = 0; index < 8; index++) {
    const lines = Array.from({ length: 8 }, (_, line) => `export const ${name}${index}_${line} = ${index * 100 + line} + offset${line};`);
    result[`${prefix}/src/${name}-${index}.ts`] = `${lines.join('\n')}\n`;
  }
  return result;
}

let parent: TempRepo;
beforeAll(async () => {
  // Two git repositories with the same base name (`one/app`, `two/app`) under one plain directory.
  parent = await makeRepo({ ...moduleFiles('one/app', 'billing'), ...moduleFiles('two/app', 'shipping'), 'lone/notes.txt': 'x\n' }, { git: false });
  for (const root of ['one/app', 'two/app']) {
    await parent.git('-C', root, 'init', '-q', '-b', 'main');
    await parent.git('-C', root, 'add', '-A');
    await parent.git('-C', root, 'commit', '-q', '-m', `fixture ${root}`);
  }
});
afterAll(() => parent.cleanup());

describe('several roots: repopack dirA dirB', () => {
  it('packs both roots under one budget, paths prefixed by the root relative to the common parent', async () => {
    const run = await runCli(['one/app', 'two/app', '--budget', String(BUDGET)], { cwd: parent.root });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('one/app + two/app');
    expect(run.stdout).toMatch(/<file path="one\/app\/README\.md"/);
    expect(run.stdout).toMatch(/<file path="two\/app\/README\.md"/);
    for (let index = 0; index < 8; index++) {
      expect(run.stdout).toContain(`billing-${index}.ts`);
      expect(run.stdout).toContain(`shipping-${index}.ts`);
    }
    const tokens = (await loadTokenizer('o200k')).count(run.stdout);
    expect(tokens).toBeLessThanOrEqual(BUDGET);
    // The roots together do not fit: something had to be compressed.
    expect((run.stdout.match(/level="full"/g) ?? []).length).toBeLessThan(18);
    expect(run.stderr).toMatch(/\/ 1,500 tokens/);
  });

  it('gives the same bytes for the same roots, from any working directory', async () => {
    const first = await runCli(['one/app', 'two/app', '--budget', '2k', '--style', 'plain'], { cwd: parent.root });
    const again = await runCli([join(parent.root, 'one/app'), join(parent.root, 'two/app'), '--budget', '2k', '--style', 'plain'], { cwd: '/' });
    expect(first.code).toBe(0);
    expect(again.stdout).toBe(first.stdout);
  });

  it('with every file fitting, each root contributes all its files in full', async () => {
    const run = await runCli(['one/app', 'lone', '--budget', '8k', '--json', '-', '--quiet'], { cwd: parent.root });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stderr) as { files: { path: string; level: string }[] };
    const paths = report.files.map((file) => file.path).sort();
    expect(paths).toContain('lone/notes.txt');
    expect(paths.filter((path) => path.startsWith('one/app/'))).toHaveLength(9);
    expect(report.files.every((file) => file.level === 'full')).toBe(true);
  });

  it('a missing second root exits 2 naming it', async () => {
    const run = await runCli(['one/app', 'no-such-root', '--budget', '2k'], { cwd: parent.root });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('no-such-root" does not exist');
  });

  it('git changes (--diff, --log) and --stdin work on one root only: exit 2 saying so', async () => {
    const diff = await runCli(['one/app', 'two/app', '--diff'], { cwd: parent.root });
    expect(diff.code).toBe(2);
    expect(diff.stderr).toContain('--diff/--base works on one root, got 2');
    const stdin = await runCli(['one/app', 'two/app', '--stdin'], { cwd: parent.root, input: 'README.md\n' });
    expect(stdin.code).toBe(2);
    expect(stdin.stderr).toContain('--stdin works on one root');
  });

  it('overlapping roots and remote ones are refused (exit 2)', async () => {
    const nested = await runCli(['one', 'one/app'], { cwd: parent.root });
    expect(nested.code).toBe(2);
    expect(nested.stderr).toContain('roots "one" and "one/app" overlap');
    const remote = await runCli(['one/app', 'https://example.invalid/x.git'], { cwd: parent.root });
    expect(remote.code).toBe(2);
    expect(remote.stderr).toContain('several roots must be local directories');
  });

  it('--tokens-only counts every root under its label', async () => {
    const run = await runCli(['one/app', 'two/app', '--tokens-only'], { cwd: parent.root });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\d+\tone\/app\/src\/$/m);
    expect(run.stdout).toMatch(/^\d+\ttwo\/app\/src\/$/m);
    expect(run.stdout).toMatch(/total \(18 files, o200k\)/);
  });
});
