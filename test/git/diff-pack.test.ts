import { pack } from '../../src/pack.js';
import { UsageError } from '../../src/shared/errors.js';
import { loadTokenizer } from '../../src/tokenize/index.js';
import { makeRepo, type TempRepo } from '../helpers/make-repo.js';

let repo: TempRepo;
afterEach(() => repo.cleanup());

/** A few dozen filler files so that the budget forces choices. */
function filler(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let index = 0; index < count; index++) {
    files[`lib/module-${String(index).padStart(2, '0')}.ts`] = Array.from({ length: 40 }, (_, line) => `export const value${line} = ${index * 100 + line};`).join('\n') + '\n';
  }
  return files;
}

describe('pack with diffs', () => {
  it('diff sections come before files, deleted files appear in the diff only, the tree lists files only', async () => {
    repo = await makeRepo({ 'src/keep.ts': 'export const keep = 1;\n', 'src/old.ts': 'export const old = 1;\n' }, { commit: true });
    await repo.write('src/keep.ts', 'export const keep = 2;\n');
    await repo.git('rm', '-q', 'src/old.ts');
    const { bundle, report } = await pack({ root: repo.root, budget: 8_000, diff: { kind: 'worktree' } }, { loadTokenizer });
    expect(bundle.indexOf('<diff path="src/keep.ts"')).toBeGreaterThan(bundle.indexOf('</tree>'));
    expect(bundle.indexOf('<diff path="src/keep.ts"')).toBeLessThan(bundle.indexOf('<file path="src/keep.ts"'));
    expect(bundle).toContain('<diff path="src/old.ts" level="function-context" change="deleted, −1">');
    expect(bundle).not.toContain('<file path="src/old.ts"');
    const tree = bundle.slice(bundle.indexOf('<tree>'), bundle.indexOf('</tree>'));
    expect(tree).not.toContain('old.ts');
    expect(bundle).toMatch(/<changes description="working tree vs HEAD \([0-9a-f]{7}, main\)" files="2">/);
    expect(report.plan.entries.filter((entry) => entry.section === 'diff').map((entry) => entry.path)).toEqual(['src/keep.ts', 'src/old.ts']);
  });

  it('changed files are packed in full and their diffs shown while unchanged files give way, within the budget', async () => {
    repo = await makeRepo({ ...filler(30), 'src/changed.ts': filler(1)['lib/module-00.ts']! }, { commit: true });
    await repo.write('src/changed.ts', filler(1)['lib/module-00.ts']!.replace('value7 = 7', 'value7 = 777'));
    const budget = 3_000;
    const { bundle, report } = await pack({ root: repo.root, budget, diff: { kind: 'worktree' } }, { loadTokenizer });
    const tokenizer = await loadTokenizer('o200k');
    expect(tokenizer.count(bundle)).toBeLessThanOrEqual(budget);
    const changed = report.plan.entries.filter((entry) => entry.path === 'src/changed.ts');
    expect(changed.map((entry) => [entry.section ?? 'file', entry.variant.level])).toEqual([
      ['diff', 'full'],
      ['file', 'full'],
    ]);
    expect(report.plan.entries.some((entry) => entry.section === undefined && entry.variant.level === 'path')).toBe(true);
  });

  it('a tight budget drops diffs to fewer context lines and then to a stat line, never over budget', async () => {
    repo = await makeRepo(filler(6), { commit: true });
    for (const [path, text] of Object.entries(filler(6))) await repo.write(path, text.replace(/= (\d+);/g, '= $1 + 1;'));
    const tokenizer = await loadTokenizer('o200k');
    const levels = new Set<string>();
    for (const budget of [1_200, 2_500, 6_000]) {
      const { bundle, report } = await pack({ root: repo.root, budget, diff: { kind: 'worktree' } }, { loadTokenizer });
      expect(tokenizer.count(bundle)).toBeLessThanOrEqual(budget);
      for (const entry of report.plan.entries) if (entry.section === 'diff') levels.add(entry.variant.level === 'path' ? 'path' : entry.variant.diffLevel!);
    }
    expect(levels).toContain('stat');
    expect(levels).toContain('function-context');
  });

  it.each(['markdown', 'plain', 'json'] as const)('%s: shows diffs and the log', async (style) => {
    repo = await makeRepo({ 'a.py': 'def f():\n    return 1\n' }, { commit: true });
    await repo.write('a.py', 'def f():\n    return 2\n');
    const { bundle } = await pack({ root: repo.root, budget: 4_000, style, diff: { kind: 'worktree' }, logCount: 1 }, { loadTokenizer });
    expect(bundle).toContain('+    return 2');
    expect(bundle).toMatch(/[0-9a-f]{7} 2026-01-01 Repopack Test: fixture \[a\.py\]/);
    if (style === 'json') expect(() => JSON.parse(bundle) as unknown).not.toThrow();
  });

  it('staged source: files come from the index, not the work tree', async () => {
    repo = await makeRepo({ 'a.ts': 'export const a = "committed";\n' }, { commit: true });
    await repo.write('a.ts', 'export const a = "staged";\n');
    await repo.git('add', 'a.ts');
    await repo.write('a.ts', 'export const a = "working tree";\n');
    const { bundle } = await pack({ root: repo.root, budget: 4_000, source: 'index', diff: { kind: 'staged' } }, { loadTokenizer });
    expect(bundle).toContain('export const a = "staged";');
    expect(bundle).not.toContain('working tree";');
  });

  it('--diff outside git is a UsageError', async () => {
    repo = await makeRepo({ 'a.ts': 'x\n' }, { git: false });
    await expect(pack({ root: repo.root, diff: { kind: 'worktree' } }, { loadTokenizer })).rejects.toBeInstanceOf(UsageError);
  });
});
