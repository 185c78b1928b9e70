import { chooseLevels, priceOptions, type FitCandidate } from '../../src/fit/choose-levels.js';
import type { Variant } from '../../src/shared/types.js';

const PATH_ONLY: readonly Variant[] = [{ level: 'path', tokens: 0 }];
const sectionTokens = (_candidate: FitCandidate, variant: Variant) => (variant.level === 'path' ? 0 : variant.tokens + 5);

function file(path: string, score: number, variants: readonly Variant[]): FitCandidate {
  return { path, language: undefined, score, reasons: [], variants };
}

describe('priceOptions', () => {
  it('shares one priced list among files offered only as the same path-only list, free and worthless', () => {
    const first = priceOptions(file('a.txt', 3, PATH_ONLY), sectionTokens);
    const second = priceOptions(file('b.txt', 0.5, PATH_ONLY), sectionTokens);
    expect(second).toBe(first);
    expect(first).toEqual([{ variant: PATH_ONLY[0], tokens: 0, value: 0 }]);
  });

  it('prices files with text, and path-only files of a score that is not a finite non-negative number, one by one', () => {
    const text: Variant[] = [{ level: 'full', text: 'x', tokens: 10 }, { level: 'path', tokens: 0 }];
    const priced = priceOptions(file('a.ts', 2, text), sectionTokens);
    expect(priced.map((option) => [option.tokens, option.value])).toEqual([[15, 2], [0, 0]]);
    const negative = priceOptions(file('n.txt', -1, PATH_ONLY), sectionTokens);
    expect(negative).not.toBe(priceOptions(file('a.txt', 1, PATH_ONLY), sectionTokens));
    expect(Object.is(negative[0]!.value, -0)).toBe(true);
  });

  it('chooses the same levels whether path-only files share a priced list or not', () => {
    const files = Array.from({ length: 30 }, (_, index): FitCandidate =>
      index % 3 === 0
        ? file(`f${index}.ts`, 1 + (index % 7), [{ level: 'full', text: 'x', tokens: 40 + index * 3 }, { level: 'head', text: 'x', tokens: 9 }, { level: 'path', tokens: 0 }])
        : file(`p${index}.txt`, index % 5, PATH_ONLY),
    );
    const shared = files.map((candidate) => priceOptions(candidate, sectionTokens));
    const apart = shared.map((options) => options.map((option) => ({ ...option })));
    for (const capacity of [0, 50, 120, 400, 10_000]) expect(chooseLevels(shared, capacity)).toEqual(chooseLevels(apart, capacity));
  });
});
