import { priceOptions, type FitCandidate } from '../../src/fit/choose-levels.js';
import { pathOnlyEntries, planEntries } from '../../src/fit/plan-entries.js';
import type { Variant } from '../../src/shared/types.js';

const PATH_ONLY: readonly Variant[] = [{ level: 'path', tokens: 0 }];
const listed: FitCandidate = { path: 'docs/a.txt', language: undefined, score: 1.5, reasons: ['r'], variants: PATH_ONLY };
const shown: FitCandidate = {
  path: 'src/b.ts',
  language: 'typescript',
  score: 2,
  reasons: [],
  variants: [{ level: 'full', text: 'x', tokens: 12 }, { level: 'path', tokens: 0 }],
};
const price = (candidate: FitCandidate) => priceOptions(candidate, (_candidate, variant) => variant.tokens + 3);

describe('entries of files offered only as a path', () => {
  it('are one object in every plan and the path-only plan, across candidate lists, with the values planEntry gives', () => {
    const first = [listed, shown];
    const second = [listed, shown];
    const plan = planEntries(first, first.map(price), [0, 0]);
    const empty = pathOnlyEntries(first);
    const later = planEntries(second, second.map(price), [0, 1]);
    expect(empty[0]).toBe(plan[0]);
    expect(later[0]).toBe(plan[0]);
    expect(plan[0]).toEqual({ path: 'docs/a.txt', language: undefined, score: 1.5, reasons: ['r'], variant: PATH_ONLY[0], tokens: 0, fullTokens: 0 });
    // A file with text still gets entries of its own, and a path-only plan entry apart from its plans' entries.
    expect(empty[1]).not.toBe(later[1]);
    expect(empty[1]).toMatchObject({ path: 'src/b.ts', tokens: 0, fullTokens: 0 });
    expect(later[1]).toMatchObject({ path: 'src/b.ts', tokens: 0, fullTokens: 12 });
  });
});
