import { createTreeCollapseMemo, fitToBudget, type BundlePricer, type FitCandidate } from '../../src/fit/index.js';
import type { CollapsedDirectory, Plan, Variant } from '../../src/shared/types.js';

/** 8 × 8 directories of 6 files: 384 tree lines uncollapsed, 8 at depth 0, 64 at depth 1. */
function candidates(): FitCandidate[] {
  const result: FitCandidate[] = [];
  for (let top = 0; top < 8; top++) {
    for (let sub = 0; sub < 8; sub++) {
      for (let file = 0; file < 6; file++) {
        const variants: Variant[] = [{ level: 'full', text: 'x', tokens: 40 + file }, { level: 'path', tokens: 0 }];
        result.push({ path: `d${top}/s${sub}/f${file}.ts`, language: 'typescript', score: 1 + file, reasons: [], variants });
      }
    }
  }
  return result;
}

function isUnder(path: string, collapsed: readonly CollapsedDirectory[]): boolean {
  return collapsed.some((directory) => directory.path === '' || path.startsWith(`${directory.path}/`));
}

/** A tree line costs 5 tokens (a collapsed directory or a listed file); records every collapse set it priced. */
function recordingPricer(priced: (readonly CollapsedDirectory[])[]): BundlePricer {
  const frame = (plan: Plan) => {
    if (!priced.includes(plan.collapsed)) priced.push(plan.collapsed);
    const listed = plan.entries.filter((entry) => !isUnder(entry.path, plan.collapsed)).length;
    return 100 + 5 * (plan.collapsed.length + listed);
  };
  return {
    sectionTokens: (_candidate, variant) => (variant.level === 'path' ? 0 : variant.tokens + 4),
    frameTokens: frame,
    bundleTokens: (plan) => frame(plan) + plan.entries.reduce((sum, entry) => sum + entry.tokens, 0),
  };
}

describe('tree collapse memo', () => {
  it('a later fit over the same paths and budget reuses the collapse instead of pricing probe trees again', () => {
    const treeMemo = createTreeCollapseMemo();
    const firstPriced: (readonly CollapsedDirectory[])[] = [];
    const first = fitToBudget({ candidates: candidates(), listedOnly: [], budget: 2_000, pricer: recordingPricer(firstPriced), treeMemo });
    // 384 lines × 5 exceed a fifth of 2,000, 64 × 5 do too, 8 × 5 do not: the tree collapses at the top directories.
    expect(first.collapsed.map((directory) => directory.path)).toEqual(['d0', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7']);
    expect(firstPriced.length).toBeGreaterThan(1);

    const secondPriced: (readonly CollapsedDirectory[])[] = [];
    const second = fitToBudget({ candidates: candidates(), listedOnly: [], budget: 2_000, pricer: recordingPricer(secondPriced), treeMemo });
    expect(second.collapsed).toBe(first.collapsed);
    expect(secondPriced).toEqual([first.collapsed]);
    expect(second).toEqual(first);
  });

  it('gives the plan a fit without the memo gives, and searches again for another budget or other paths', () => {
    const treeMemo = createTreeCollapseMemo();
    const budgets = [2_000, 12_000, 2_000];
    for (const budget of budgets) {
      const withMemo = fitToBudget({ candidates: candidates(), listedOnly: [], budget, pricer: recordingPricer([]), treeMemo });
      const without = fitToBudget({ candidates: candidates(), listedOnly: [], budget, pricer: recordingPricer([]) });
      expect(withMemo).toEqual(without);
    }
    const listedOnly = Array.from({ length: 400 }, (_, index) => `extra/e${index}.bin`);
    const withMore = fitToBudget({ candidates: candidates(), listedOnly, budget: 2_000, pricer: recordingPricer([]), treeMemo });
    const fresh = fitToBudget({ candidates: candidates(), listedOnly, budget: 2_000, pricer: recordingPricer([]) });
    expect(withMore.collapsed).toEqual(fresh.collapsed);
    expect(withMore.collapsed.some((directory) => directory.path === 'extra' || directory.path === '')).toBe(true);
  });
});
