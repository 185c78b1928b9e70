import type { FitCandidate, PricedOption } from '../../src/fit/choose-levels.js';
import { pathOnlyEntries, planEntries } from '../../src/fit/plan-entries.js';
import type { Variant } from '../../src/shared/types.js';

const full: Variant = { level: 'full', text: 'body', tokens: 30 };
const path: Variant = { level: 'path', tokens: 0 };
const file: FitCandidate = { path: 'a.ts', language: 'typescript', score: 2, reasons: ['r'], variants: [full, path] };
const diff: FitCandidate = { ...file, section: 'diff' };

function priced(): PricedOption[] {
  return [{ variant: full, tokens: 34, value: 2 }, { variant: path, tokens: 0, value: 0 }];
}

describe('planEntries', () => {
  it('builds the entry of each chosen option, with the richest variant as full tokens and a diff marked', () => {
    const candidates = [file, diff];
    const entries = planEntries(candidates, [priced(), priced()], [0, 1]);
    expect(entries[0]).toEqual({ path: 'a.ts', language: 'typescript', score: 2, reasons: ['r'], variant: full, tokens: 34, fullTokens: 30 });
    expect(entries[1]).toEqual({ path: 'a.ts', language: 'typescript', score: 2, reasons: ['r'], variant: path, tokens: 0, fullTokens: 30, section: 'diff' });
    expect('section' in entries[0]!).toBe(false);
  });

  it('shares an entry between plans while the option array is the same, and builds anew for a re-priced one', () => {
    const candidates = [file];
    const options = [priced()];
    const first = planEntries(candidates, options, [0]);
    const again = planEntries(candidates, options, [0]);
    expect(again[0]).toBe(first[0]);
    expect(again).not.toBe(first);
    const repriced = planEntries(candidates, [[{ variant: full, tokens: 31, value: 2 }, options[0]![1]!]], [0]);
    expect(repriced[0]).not.toBe(first[0]);
    expect(repriced[0]!.tokens).toBe(31);
  });

  it('path-only entries cost nothing and claim no full tokens', () => {
    const entries = pathOnlyEntries([file, diff]);
    expect(entries.map((entry) => [entry.variant.level, entry.tokens, entry.fullTokens, entry.section])).toEqual([
      ['path', 0, 0, undefined],
      ['path', 0, 0, 'diff'],
    ]);
    expect(pathOnlyEntries([file, diff])).not.toBe(entries);
  });
});
