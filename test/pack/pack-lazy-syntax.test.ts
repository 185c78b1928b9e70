import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultEnv, loadTokenizer, pack, type PackEnv, type PackOptions } from '../../src/index.js';
import { isPending, withPlaceholders } from '../../src/pack-lazy-syntax.js';
import type { Variant } from '../../src/shared/types.js';
import { makeRepo, type TempRepo } from '../helpers/make-repo.js';

/** The real analyzer, with the files it was asked to analyse recorded. */
function countingEnv(): { env: PackEnv; analysed: string[]; opened: () => number } {
  const base = defaultEnv();
  const analysed: string[] = [];
  let opened = 0;
  const env: PackEnv = {
    ...base,
    createSyntaxAnalyzer: async (request) => {
      opened++;
      const analyzer = await base.createSyntaxAnalyzer!(request);
      return {
        supports: (language) => analyzer.supports(language),
        analyze: (file) => {
          analysed.push(file.path);
          return analyzer.analyze(file);
        },
        dispose: () => analyzer.dispose(),
      };
    },
  };
  return { env, analysed, opened: () => opened };
}

/** A Python module of `count` functions with bodies worth eliding, so a tight budget shows skeletons. */
function pythonModule(name: string, count: number): string {
  const functions = Array.from({ length: count }, (_, index) =>
    [
      `def ${name}_step_${index}(items, limit=${index}):`,
      `    """Filter the ${name} items past step ${index}."""`,
      ...Array.from({ length: 8 }, (_, line) => `    items = [item * ${line + 2} for item in items if item > limit + ${line}]`),
      '    return items',
      '',
    ].join('\n'),
  );
  return `import os\n\n${functions.join('\n')}\n`;
}

/** Big modules a tight budget shows as skeletons or outlines, and small ones it shows whole (never parsed lazily). */
function fixtureFiles(): Record<string, string> {
  const files: Record<string, string> = { 'README.md': '# Steps\n\nModules of filtering steps.\n' };
  for (let index = 0; index < 40; index++) {
    const imports = index >= 4 ? `from pkg import module_0${index % 4}\n` : '';
    files[`pkg/module_${String(index).padStart(2, '0')}.py`] = imports + pythonModule(`m${index}`, 8 + (index % 7) * 2);
  }
  for (let index = 0; index < 20; index++) files[`pkg/small_${String(index).padStart(2, '0')}.py`] = `def small_${index}(x):\n    return x + ${index}\n`;
  files['docs/notes.txt'] = 'Plain notes.\n'.repeat(40);
  return files;
}

let repo: TempRepo | undefined;
afterEach(async () => {
  await repo?.cleanup();
  repo = undefined;
});

describe('lazy syntax in pack', () => {
  const cases: [string, Partial<PackOptions>][] = [
    ['plain', {}],
    ['line numbers', { lineNumbers: true }],
    ['compress', { compress: true }],
    ['an override', { overrides: [{ files: ['pkg/module_01.py'], level: 'full' }] }],
  ];

  it.each(cases)('gives the eager bundle byte for byte, parsing fewer files, with %s', async (_name, extra) => {
    repo ??= await makeRepo(fixtureFiles(), { git: false });
    const options: PackOptions = { root: repo.root, budget: 6_000, cache: false, ...extra };
    const eager = countingEnv();
    const lazy = countingEnv();
    const eagerResult = await pack({ ...options, eagerSyntax: true }, eager.env);
    const lazyResult = await pack(options, lazy.env);

    const levels = lazyResult.report.plan.entries.map((entry) => entry.variant.level);
    expect(levels).toContain('skeleton');
    expect(lazyResult.bundle).toBe(eagerResult.bundle);
    expect(lazyResult.report.tokens).toBe(eagerResult.report.tokens);
    // Every file shown at a parsed level was parsed, once; the eager pack parsed every supported pool file.
    const parsedLevels = lazyResult.report.plan.entries.filter(
      (entry) => entry.language === 'python' && ['stripped', 'skeleton', 'outline'].includes(entry.variant.level),
    );
    for (const entry of parsedLevels) expect(lazy.analysed).toContain(entry.path);
    expect(new Set(lazy.analysed).size).toBe(lazy.analysed.length);
    // With `--compress` the small files too are shown at most as skeletons, so every file is parsed either way.
    if (extra.compress === true) expect(lazy.analysed.length).toBe(eager.analysed.length);
    else expect(lazy.analysed.length).toBeLessThan(eager.analysed.length);
    expect(lazy.opened()).toBe(1);
  });

  // With a task the plan can differ from the eager one (placeholders change what the floor tier reaches): it must hold.
  it('keeps within the budget by the real tokenizer and renders no placeholder, with a task', async () => {
    repo = await makeRepo(fixtureFiles(), { git: false });
    const budget = 4_000;
    const result = await pack({ root: repo.root, budget, cache: false, focus: 'filter step m3 items' }, countingEnv().env);
    expect(result.report.plan.entries.some((entry) => entry.variant.level === 'skeleton')).toBe(true);
    expect((await loadTokenizer('o200k')).count(result.bundle)).toBeLessThanOrEqual(budget);
    for (const entry of result.report.plan.entries) {
      expect(isPending(entry.variant)).toBe(false);
      if (entry.variant.level === 'skeleton') expect(result.bundle).toContain(entry.variant.text);
    }
  });

  it('parses nothing when every file fits whole', async () => {
    repo = await makeRepo(fixtureFiles(), { git: false });
    const counting = countingEnv();
    const result = await pack({ root: repo.root, budget: 200_000, cache: false }, counting.env);
    expect(result.report.plan.entries.every((entry) => entry.variant.level === 'full')).toBe(true);
    expect(counting.analysed).toEqual([]);
    expect(counting.opened()).toBe(0);
  });

  it('parses nothing on a warm run: the analyses come from the cache', async () => {
    repo = await makeRepo(fixtureFiles(), { git: false });
    const cacheDirectory = await mkdtemp(join(tmpdir(), 'lazy-syntax-cache-'));
    try {
      const options: PackOptions = { root: repo.root, budget: 6_000, cacheDirectory };
      // A tokenizer loader of its own keeps the whole-result cache out of it: both runs pack afresh.
      const afresh = (counting: ReturnType<typeof countingEnv>): PackEnv => ({ ...counting.env, loadTokenizer: (name) => loadTokenizer(name) });
      const cold = countingEnv();
      const coldResult = await pack(options, afresh(cold));
      const warm = countingEnv();
      const warmResult = await pack(options, afresh(warm));
      expect(cold.analysed.length).toBeGreaterThan(0);
      expect(warm.analysed).toEqual([]);
      expect(warmResult.bundle).toBe(coldResult.bundle);
    } finally {
      await rm(cacheDirectory, { recursive: true, force: true });
    }
  });
});

describe('withPlaceholders', () => {
  const text = (level: Exclude<Variant['level'], 'path'>, tokens: number): Variant => ({ level, text: 'x', tokens });

  it('offers the parse levels as placeholders, cheapest last, and only heads cheaper than them', () => {
    const variants = withPlaceholders([text('full', 10_000), text('stripped', 9_000), text('head', 2_500), text('head', 140), text('head', 100), { level: 'path', tokens: 0 }], 10_000);
    expect(variants.map((variant) => [variant.level, isPending(variant)])).toEqual([
      ['full', false],
      ['stripped', true],
      ['skeleton', true],
      ['outline', true],
      ['head', false],
      ['path', false],
    ]);
    const tokens = variants.map((variant) => variant.tokens);
    expect([...tokens].sort((a, b) => b - a)).toEqual(tokens);
    expect(variants[4]!.tokens).toBe(100); // below the outline placeholder's 130; the 140 head is not

  });

  it('offers no stripped placeholder when the full text is not shown', () => {
    const variants = withPlaceholders([text('head', 1_000), { level: 'path', tokens: 0 }], 50_000);
    expect(variants.map((variant) => variant.level)).toEqual(['skeleton', 'outline', 'path']);
  });
});
