import { rankFiles } from '../../src/rank/index.js';
import { isUninformativeFocus } from '../../src/rank/signal-focus.js';
import { RECENT_WORK_DECAY, recentWorkSignal } from '../../src/rank/signal-git.js';
import type { GitCommit } from '../../src/shared/types.js';
import { sourceAt } from '../helpers/source-file.js';

const day = 86_400;
const commit = (epochSeconds: number, ...paths: string[]): GitCommit => ({ epochSeconds, paths });

describe('recent work', () => {
  it('scores files by the newest commit that touched them, decaying per commit back, skipping huge commits', () => {
    const huge = commit(50 * day, ...Array.from({ length: 40 }, (_, index) => `gen/f${index}.ts`));
    const history = [commit(100 * day, 'src/a.ts'), huge, commit(40 * day, 'src/b.ts', 'src/a.ts'), commit(10 * day, 'src/c.ts')];
    const recent = recentWorkSignal(history);
    expect(recent.get('src/a.ts')!.score).toBe(1);
    expect(recent.get('src/b.ts')!.score).toBeCloseTo(RECENT_WORK_DECAY ** 2, 10);
    expect(recent.get('src/c.ts')!.score).toBeCloseTo(RECENT_WORK_DECAY ** 3, 10);
    expect(recent.has('gen/f0.ts')).toBe(false);
    expect(recent.get('src/b.ts')!.reasons).toEqual(['changed 3 commits ago']);
  });

  it('tells task texts that say nothing about where from ones that do', () => {
    expect(isUninformativeFocus('Remove _')).toBe(true);
    expect(isUninformativeFocus('Revert merge changes')).toBe(true);
    expect(isUninformativeFocus('Close #4035')).toBe(true);
    expect(isUninformativeFocus('Avoid non null assertion')).toBe(false);
    expect(isUninformativeFocus('Fix parseBudget')).toBe(false);
    expect(isUninformativeFocus('see src/fit/plan.ts')).toBe(false);
  });

  it('ranks the files of the last commits first when the task text is uninformative, and not otherwise', () => {
    const files = ['src/old.ts', 'src/recent.ts', 'src/unrelated.ts', 'src/parser.ts'].map((path) => sourceAt(path, 'export const x = 1;\n'));
    const history = [commit(100 * day, 'src/recent.ts'), commit(99 * day, 'src/old.ts'), ...Array.from({ length: 20 }, (_, index) => commit((90 - index) * day, 'src/unrelated.ts'))];
    const uninformed = rankFiles(files, { focus: 'Remove _', history });
    expect(uninformed[0]!.file.path).toBe('src/recent.ts');
    expect(uninformed[0]!.reasons).toContain('changed 1 commit ago');
    const informed = rankFiles(files, { focus: 'parser error message', history });
    expect(informed[0]!.file.path).toBe('src/parser.ts');
    expect(informed.flatMap((entry) => entry.reasons).some((reason) => reason.startsWith('changed '))).toBe(false);
  });
});
