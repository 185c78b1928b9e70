import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createSyntaxAnalyzer } from '../../src/analyze/index.js';
import type { SyntaxAnalyzer } from '../../src/analyze/index.js';
import { fitToBudget, fitToBudgetSteps, type BundlePricer, type FitCandidate } from '../../src/fit/index.js';
import { FIRST_PLAN_CHECK_MIN_CANDIDATES, fitWithLazySyntax } from '../../src/pack-lazy-syntax.js';
import type { SyntaxChecker } from '../../src/pack-shown-checks.js';
import type { Plan, Variant } from '../../src/shared/types.js';

let analyzer: SyntaxAnalyzer;
beforeAll(async () => {
  analyzer = await createSyntaxAnalyzer();
});
afterAll(() => analyzer.dispose());

/** The real parser's verdicts, with every text it was asked about recorded. */
function recordingChecker(verified: string[]): SyntaxChecker {
  return {
    verify: (checks) =>
      Promise.all(
        checks.map(({ language, text }) => {
          verified.push(text);
          return analyzer.verify!(language ?? '', text);
        }),
      ),
    dispose: () => undefined,
  };
}

/** Exact prices (sections: their variant's tokens; frame: a base and a line per file); exact counts of plans showing text. */
function countingPricer(counts: number[]): BundlePricer {
  const index = counts.push(0) - 1;
  const frame = (plan: Plan) => 50 + plan.entries.length;
  return {
    sectionTokens: (_candidate, variant) => (variant.level === 'path' ? 0 : variant.tokens),
    frameTokens: frame,
    bundleTokens(plan) {
      if (plan.entries.some((entry) => entry.variant.level !== 'path')) counts[index]!++;
      return frame(plan) + plan.entries.reduce((sum, entry) => sum + entry.tokens, 0);
    },
  };
}

const BROKEN = 'export const = ;\n';

/** `shown` TypeScript files with a big full text and a small unverified stripped one (file 3's does not parse), then path-only files. */
function candidates(shown: number, pathOnly: number): FitCandidate[] {
  const files = Array.from({ length: shown }, (_, index): FitCandidate => {
    const stripped = index === 3 ? BROKEN : `export const value${index} = ${index};\n`;
    const variants: Variant[] = [
      { level: 'full', text: `// ${index}\n${stripped}`, tokens: 1_000 },
      { level: 'stripped', text: stripped, tokens: 100, unverified: true },
      { level: 'path', tokens: 0 },
    ];
    return { path: `src/f${index}.ts`, language: 'typescript', score: 10 - index / 10, reasons: [], variants };
  });
  const rest = Array.from({ length: pathOnly }, (_, index): FitCandidate => ({
    path: `z/p${String(index).padStart(5, '0')}.txt`,
    language: undefined,
    score: 0,
    reasons: [],
    variants: [{ level: 'path', tokens: 0 }],
  }));
  return [...files, ...rest];
}

async function fitted(files: readonly FitCandidate[], withSteps: boolean) {
  const counts: number[] = [];
  const verified: string[] = [];
  const budget = 50 + files.length + 8 * 100 + 400;
  const input = { listedOnly: [], budget };
  const { plan } = await fitWithLazySyntax({
    candidates: files,
    createPricer: () => countingPricer(counts),
    fit: (shown, pricer) => fitToBudget({ ...input, candidates: shown, pricer }),
    ...(withSteps ? { fitSteps: (shown: readonly FitCandidate[], pricer: BundlePricer) => fitToBudgetSteps({ ...input, candidates: shown, pricer }) } : {}),
    syntaxChecker: recordingChecker(verified),
  });
  const levels = plan.entries.filter((entry) => entry.variant.level !== 'path').map((entry) => `${entry.path} ${entry.variant.level}`);
  return { levels, counts, verified };
}

describe('the first plan check of a large eager fit', () => {
  it('ends a fit whose first plan shows a broken representation, and fits to the same plan as a whole fit then a refit', async () => {
    const files = candidates(8, FIRST_PLAN_CHECK_MIN_CANDIDATES);
    const early = await fitted(files, true);
    const whole = await fitted(files, false);
    expect(early.levels).toEqual(whole.levels);
    expect(early.levels).not.toContain('src/f3.ts stripped');
    expect(early.levels).toContain('src/f2.ts stripped');
    // Two fits either way; the first was abandoned before any exact count only with the steps.
    expect(early.counts).toHaveLength(2);
    expect(early.counts[0]).toBe(0);
    expect(whole.counts[0]).toBeGreaterThan(0);
    expect(early.verified.filter((text) => text === BROKEN)).toHaveLength(1);
  });

  it('checks only what the fitted plan shows below the candidate threshold', async () => {
    const files = candidates(8, 10);
    const result = await fitted(files, true);
    expect(result.counts[0]).toBeGreaterThan(0);
    expect(result.levels).not.toContain('src/f3.ts stripped');
  });
});
