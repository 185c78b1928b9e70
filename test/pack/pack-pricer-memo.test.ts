import { describe, expect, it } from '@jest/globals';
import { fitToBudget, type FitCandidate } from '../../src/fit/index.js';
import { createBundlePricer, createPricerMemo, type PricerOptions } from '../../src/pack-pricer.js';
import type { Plan, Variant } from '../../src/shared/types.js';
import { loadTokenizer } from '../../src/tokenize/index.js';

function candidates(): FitCandidate[] {
  return Array.from({ length: 40 }, (_, index): FitCandidate => {
    const text = `export const value${index} = ${index};\n`.repeat(5 + (index % 9) * 4);
    const variants: Variant[] = [
      { level: 'full', text, tokens: Math.ceil(text.length / 4) },
      { level: 'head', text: text.slice(0, 40), tokens: 10 },
      { level: 'path', tokens: 0 },
    ];
    return { path: `src/dir${index % 4}/file${index}.ts`, language: 'typescript', score: 1 + (index % 5), reasons: [], variants };
  });
}

describe('pricers sharing a memo', () => {
  it('price as pricers of their own do, and a later one neither counts the tree nor estimates wrappers again', async () => {
    const tokenizer = await loadTokenizer('o200k');
    const options: PricerOptions = { style: 'xml', tokenizer, rootName: 'repo', skipped: [], budget: 3_000 };
    const counted: string[] = [];
    const countText = (text: string) => {
      counted.push(text);
      return tokenizer.count(text);
    };
    const memo = createPricerMemo();
    const files = candidates();
    const fit = (pricer: ReturnType<typeof createBundlePricer>): Plan => fitToBudget({ candidates: files, listedOnly: [], budget: 3_000, pricer });
    const alone = fit(createBundlePricer(options));
    const first = createBundlePricer({ ...options, countText, memo });
    const plan = fit(first);
    expect(plan).toEqual(alone);
    const second = createBundlePricer({ ...options, countText, memo });
    counted.length = 0;
    // The tree of the collapsed set the first fit chose (and priced) is not rendered and counted again.
    expect(second.frameTokens(plan)).toBe(first.frameTokens(plan));
    expect(counted.filter((text) => text.includes('file0.ts'))).toEqual([]);
    // Estimates shared, exact counts not: the later pricer prices as a pricer of its own that counted nothing yet.
    const own = createBundlePricer(options);
    for (const candidate of files) {
      for (const variant of candidate.variants) expect(second.sectionTokens(candidate, variant)).toBe(own.sectionTokens(candidate, variant));
    }
    expect(fit(second)).toEqual(alone);
  });
});
