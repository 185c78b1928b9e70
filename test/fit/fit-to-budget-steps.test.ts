import { fitToBudget, fitToBudgetSteps, type BundlePricer, type FitCandidate } from '../../src/fit/index.js';
import type { Plan, Variant } from '../../src/shared/types.js';
import { mulberry32, randomInt } from '../helpers/prng.js';

/**
 * Frame: a base plus a line per file; sections: their variant's tokens plus a wrapper, estimated 10 % low until
 * `firmUp` makes the shown ones exact, so a fit re-plans after its first plan. Records what each plan was priced for.
 */
function firmingPricer(calls: string[]): BundlePricer {
  const exact = new Set<Variant>();
  const price = (variant: Variant) => (variant.level === 'path' ? 0 : variant.tokens + 8);
  const frame = (plan: Plan) => 100 + plan.entries.length;
  return {
    sectionTokens: (_candidate, variant) => (exact.has(variant) ? price(variant) : Math.floor(price(variant) * 0.9)),
    frameTokens: frame,
    bundleTokens(plan) {
      calls.push('count');
      return frame(plan) + plan.entries.reduce((sum, entry) => sum + price(entry.variant), 0);
    },
    firmUp(plan) {
      calls.push('firm-up');
      let changed = false;
      for (const entry of plan.entries) {
        if (entry.variant.level === 'path' || exact.has(entry.variant)) continue;
        exact.add(entry.variant);
        changed = true;
      }
      return changed;
    },
  };
}

function candidates(seed: number): FitCandidate[] {
  const random = mulberry32(seed);
  return Array.from({ length: 40 + randomInt(random, 200) }, (_, index) => {
    const full = 20 + randomInt(random, 2_000);
    const variants: Variant[] = [
      { level: 'full', text: 'x', tokens: full },
      { level: 'skeleton', text: 'x', tokens: Math.max(1, Math.floor(full / 5)) },
      { level: 'path', tokens: 0 },
    ];
    return { path: `src/file${String(index).padStart(4, '0')}.ts`, language: 'typescript', score: 1 + randomInt(random, 50), reasons: [], variants };
  });
}

describe('fitToBudgetSteps', () => {
  it('yields the first plan once, before anything is firmed up or counted, and returns what fitToBudget returns', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const calls: string[] = [];
      const input = { candidates: candidates(seed), listedOnly: [], budget: 3_000 + seed * 500 };
      const steps = fitToBudgetSteps({ ...input, pricer: firmingPricer(calls) });
      const first = steps.next();
      expect(first.done).toBe(false);
      expect(calls).toEqual([]);
      expect((first.value as Plan).entries.some((entry) => entry.variant.level !== 'path')).toBe(true);
      const last = steps.next();
      expect(last.done).toBe(true);
      expect(calls).toContain('count');
      expect(last.value).toEqual(fitToBudget({ ...input, pricer: firmingPricer([]) }));
    }
  });

  it('yields nothing when no room is left for any section', () => {
    const files = candidates(1);
    // The budget holds the frame alone: every file is listed by path, and no plan is chosen.
    const steps = fitToBudgetSteps({ candidates: files, listedOnly: [], budget: 100 + files.length, pricer: firmingPricer([]) });
    const only = steps.next();
    expect(only.done).toBe(true);
    expect(only.value.entries.every((entry) => entry.variant.level === 'path')).toBe(true);
  });
});
