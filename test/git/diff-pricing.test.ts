import { addedFileWorth, boostChangedFiles, diffCandidates } from '../../src/pack-diff.js';
import { LEVELS, type ChangeSet, type FileChange, type RankedFile } from '../../src/shared/types.js';

/** A modified file with all three patch texts, `lines` changed lines long. */
function change(path: string, lines: number): FileChange {
  const body = Array.from({ length: lines }, (_, line) => `+line ${line}\n`).join('');
  return {
    path, status: 'modified', additions: lines, deletions: 0, isBinary: false, isSubmodule: false, summary: `modified, +${lines}`,
    functionContext: `@@ -1,9 +1,${9 + lines} @@ fn\n context\n${body} more context\n`,
    hunks: `@@ -1,2 +1,${2 + lines} @@\n context\n${body}`,
    zeroContext: `@@ -1,0 +2,${lines} @@\n${body}`,
  };
}

function scoresOf(changes: FileChange[]): Record<string, number> {
  const set: ChangeSet = { description: 'test', commits: [], changes };
  return Object.fromEntries(diffCandidates(set, () => 100, () => true).map((candidate) => [candidate.path, candidate.score]));
}

describe('diff pricing', () => {
  it('variants go function context → one-line hunks → zero-context hunks → stat → path, each weighing less', () => {
    const [candidate] = diffCandidates({ description: 'test', commits: [], changes: [change('a.ts', 3)] }, () => 100, () => true);
    const variants = candidate!.variants;
    expect(variants.map((variant) => (variant.level === 'path' ? 'path' : variant.diffLevel))).toEqual(['function-context', 'hunks', 'zero-context', 'stat', 'path']);
    const ranks = variants.map((variant) => LEVELS.indexOf(variant.level));
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    expect(new Set(ranks).size).toBe(ranks.length);
    expect(variants[2]!.tokens).toBeLessThan(variants[1]!.tokens);
  });

  it('a code diff weighs more than its file and more the longer it is (capped); a doc or data diff weighs as its file', () => {
    const scores = scoresOf([change('short.ts', 5), change('long.ts', 100), change('huge.ts', 1_000), change('notes.md', 100), change('golden.yaml', 100)]);
    expect(scores['short.ts']).toBe(300);
    expect(scores['long.ts']).toBe(1_500);
    expect(scores['huge.ts']).toBe(3_000);
    expect(scores['notes.md']).toBe(100);
    expect(scores['golden.yaml']).toBe(100);
  });

  it('changed code files rise ×10, changed doc/config/data files ×3, unchanged ones stay', () => {
    const file = (path: string, kind: 'code' | 'doc'): RankedFile => ({
      file: { path, bytes: 1, kind, language: undefined, encoding: 'utf8', text: 'x\n' },
      score: 50,
      reasons: [],
    });
    const boosted = boostChangedFiles([file('a.ts', 'code'), file('b.md', 'doc'), file('c.ts', 'code')], new Set(['a.ts', 'b.md']));
    expect(boosted.map((ranked) => [ranked.file.path, ranked.score, ranked.reasons.at(-1)])).toEqual([
      ['a.ts', 500, 'changed (×10)'],
      ['b.md', 150, 'changed (×3)'],
      ['c.ts', 50, undefined],
    ]);
  });

  it('an added file whose diff is a stat line weighs what its diff would: its text is the change', () => {
    const added: FileChange = { ...change('new.ts', 100), status: 'added', summary: 'added, +100' };
    const { functionContext: _f, hunks: _h, zeroContext: _z, ...statOnly } = added;
    const set: ChangeSet = { description: 'test', commits: [], changes: [statOnly, change('old.ts', 100)] };
    const worth = addedFileWorth(set);
    expect([...worth]).toEqual([['new.ts', 15]]);
    const file = (path: string): RankedFile => ({ file: { path, bytes: 1, kind: 'code', language: undefined, encoding: 'utf8', text: 'x\n' }, score: 50, reasons: [] });
    const boosted = boostChangedFiles([file('old.ts'), file('new.ts')], new Set(['old.ts', 'new.ts']), worth);
    expect(boosted.map((ranked) => [ranked.file.path, ranked.score])).toEqual([
      ['new.ts', 7_500],
      ['old.ts', 500],
    ]);
  });
});
