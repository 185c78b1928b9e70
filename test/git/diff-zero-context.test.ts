import { tmpdir } from 'node:os';
import { collectChanges, createGitRunner } from '../../src/git/index.js';
import { pack } from '../../src/pack.js';
import { loadTokenizer } from '../../src/tokenize/index.js';
import { isolatedGitEnv, makeRepo, type TempRepo } from '../helpers/make-repo.js';

let repo: TempRepo;
afterEach(() => repo.cleanup());

/** Long indented comment lines (context, and never a hunk's function name) around short values, one in five changed. */
function sparseEdits(file: number, value: number): string {
  return Array.from({ length: 40 }, (_, line) =>
    line % 5 === 2 ? `  v${line} = ${value},` : `  // file ${file}, line ${line}: a long comment that one line of context repeats around every change`,
  ).join('\n') + '\n';
}

describe('zero-context diffs in pack', () => {
  it('a budget too small for one-line hunks of every change still shows every change as zero-context hunks', async () => {
    const files = Object.fromEntries(Array.from({ length: 6 }, (_, file) => [`src/part-${file}.ts`, sparseEdits(file, 1)]));
    repo = await makeRepo(files, { commit: true });
    for (let file = 0; file < 6; file++) await repo.write(`src/part-${file}.ts`, sparseEdits(file, 2));
    const tokenizer = await loadTokenizer('o200k');
    const changes = (await collectChanges({ root: repo.root, mode: { kind: 'worktree' }, git: createGitRunner(repo.root, isolatedGitEnv(tmpdir())) })).changes;
    const zeroTokens = changes.reduce((sum, change) => sum + tokenizer.count(change.zeroContext!), 0);
    const hunkTokens = changes.reduce((sum, change) => sum + tokenizer.count(change.hunks!), 0);
    // The fixture is built so that context is most of a one-line hunk: the zero-context level is much cheaper.
    expect(zeroTokens * 2).toBeLessThan(hunkTokens);

    // Room for the zero-context hunks of every change and a few more tokens, far from the one-line hunks of all.
    const budget = zeroTokens + Math.round((hunkTokens - zeroTokens) / 2);
    expect(budget).toBeLessThan(hunkTokens);
    const { bundle, report } = await pack({ root: repo.root, budget, diff: { kind: 'worktree' } }, { loadTokenizer });
    expect(tokenizer.count(bundle)).toBeLessThanOrEqual(budget);
    const diffLevels = report.plan.entries
      .filter((entry) => entry.section === 'diff')
      .map((entry) => (entry.variant.level === 'path' ? 'path' : entry.variant.diffLevel));
    expect(diffLevels).toHaveLength(6);
    for (const level of diffLevels) expect(['zero-context', 'hunks', 'function-context']).toContain(level);
    expect(diffLevels).toContain('zero-context');
    expect(bundle).toContain('level="zero-context"');
    expect(bundle).toContain('+  v2 = 2,');
  });
});
