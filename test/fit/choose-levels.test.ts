import { chooseLevels, type PricedOption } from '../../src/fit/choose-levels.js';
import type { Variant } from '../../src/shared/types.js';
import { mulberry32, randomInt } from '../helpers/prng.js';

const LEVELS = ['full', 'stripped', 'skeleton', 'head'] as const;

function randomOptions(random: () => number): PricedOption[] {
  const options: PricedOption[] = LEVELS.map((level, index) => ({
    variant: { level, text: 'x', tokens: 1 } as Variant,
    tokens: 10 + randomInt(random, 2000) / (index + 1),
    value: (1 + randomInt(random, 100)) / (index + 1),
  }));
  return [...options, { variant: { level: 'path', tokens: 0 }, tokens: 0, value: 0 }];
}

describe('chooseLevels', () => {
  it('re-planning over one list re-priced in place chooses what a fresh list would (seeded property)', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const random = mulberry32(seed);
      const list = Array.from({ length: 1 + randomInt(random, 200) }, () => randomOptions(random));
      const capacity = randomInt(random, 100_000);
      for (let round = 0; round < 4; round++) {
        expect(chooseLevels(list, capacity)).toEqual(chooseLevels([...list], capacity));
        // As fit does after a firm-up: some files get new arrays with new prices (and, rarely, new values).
        for (let i = 0; i < list.length; i++) if (randomInt(random, 4) === 0) list[i] = randomOptions(random);
      }
    }
  });

  it('spends the capacity on the most valuable options first and never exceeds it', () => {
    const option = (tokens: number, value: number): PricedOption => ({
      variant: { level: 'full', text: 'x', tokens },
      tokens,
      value,
    });
    const path: PricedOption = { variant: { level: 'path', tokens: 0 }, tokens: 0, value: 0 };
    const list = [
      [option(100, 1), path],
      [option(100, 5), path],
    ];
    expect(chooseLevels(list, 150)).toEqual([1, 0]);
    list[0] = [option(100, 9), path];
    expect(chooseLevels(list, 150)).toEqual([0, 1]);
  });
});

describe('chooseLevels top files', () => {
  const file = (fullTokens: number, value: number): PricedOption[] => [
    { variant: { level: 'full', text: 'x', tokens: fullTokens } as Variant, tokens: fullTokens, value },
    { variant: { level: 'outline', text: 'x', tokens: 50 } as Variant, tokens: 50, value: value * 0.4 },
    { variant: { level: 'path', tokens: 0 }, tokens: 0, value: 0 },
  ];

  it('passes over a top file too big for the share without using up one of the places', () => {
    // File 0 is ranked first but could never be whole within the share; files 1 and 2 are the next in line.
    const options = [file(50_000, 100), file(1_000, 10), file(1_000, 9), file(1_000, 1), file(1_000, 1)];
    const choice = chooseLevels(options, 4_000, { fileIndexes: [0, 1, 2], count: 2, share: 0.9 });
    expect(choice.slice(0, 3).map((index, file) => options[file]![index]!.variant.level)).toEqual(['outline', 'full', 'full']);
  });

  it('does not spend a place on a top file that has nothing richer to show (an empty file)', () => {
    const empty: PricedOption[] = [{ variant: { level: 'path', tokens: 0 }, tokens: 0, value: 0 }];
    const small = (value: number) => file(1_000, value).map((option) => ({ ...option, value: option.value / 1000 }));
    // The last file is no top file but worth more per token: with one place lost to the empty file it would win.
    const options = [small(10), empty, small(9), file(1_000, 100)];
    const choice = chooseLevels(options, 2_100, { fileIndexes: [0, 1, 2], count: 2, share: 0.99 });
    expect(choice.map((index, file) => options[file]![index]!.variant.level)).toEqual(['full', 'path', 'full', 'outline']);
  });

  it('makes at most `count` files whole, leaving the rest of the room to the knapsack', () => {
    // Three top files of little value per token, and a fourth, not a top file, worth much per token.
    const top = [file(1_000, 10), file(1_000, 10), file(1_000, 10)].map((hull) => hull.map((option) => ({ ...option, value: option.value / 1000 })));
    const options = [...top, file(1_000, 100)];
    const choice = chooseLevels(options, 3_100, { fileIndexes: [0, 1, 2], count: 2, share: 0.99 });
    expect(choice.map((index, file) => options[file]![index]!.variant.level)).toEqual(['full', 'full', 'outline', 'full']);
  });

  it('makes a best file bigger than the share whole within firstShare, and then no other top file', () => {
    const options = [file(6_000, 100), file(1_500, 10), file(1_500, 9)].map((hull) => hull.map((option) => ({ ...option, value: option.value / 1000 })));
    const levels = (topFirst: Parameters<typeof chooseLevels>[2]) =>
      chooseLevels(options, 8_500, topFirst).map((index, file) => options[file]![index]!.variant.level);
    // 6,000 of 8,500 tokens is more than half the room (the share) but within three quarters.
    expect(levels({ fileIndexes: [0, 1, 2], count: 6, share: 0.5 })).toEqual(['outline', 'full', 'full']);
    expect(levels({ fileIndexes: [0, 1, 2], count: 6, share: 0.5, firstShare: 0.75 })).toEqual(['full', 'full', 'outline']);
    expect(levels({ fileIndexes: [0, 1, 2], count: 6, share: 0.5, firstShare: 0.7 })[0]).toBe('outline');
  });
});
