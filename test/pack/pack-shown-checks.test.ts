import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultEnv, loadTokenizer, pack, type PackEnv, type PackOptions } from '../../src/index.js';
import { makeRepo, type TempRepo } from '../helpers/make-repo.js';

interface Verified {
  readonly language: string;
  readonly text: string;
  readonly valid: boolean;
}

/** The real analyzer behind the env's seam, with every `verify` call and its verdict recorded. */
function verifyingEnv(): { env: PackEnv; verified: Verified[] } {
  const base = defaultEnv();
  const verified: Verified[] = [];
  const env: PackEnv = {
    ...base,
    createSyntaxAnalyzer: async (request) => {
      const analyzer = await base.createSyntaxAnalyzer!(request);
      return {
        supports: (language) => analyzer.supports(language),
        analyze: (file) => analyzer.analyze(file),
        async verify(language, text) {
          const valid = await analyzer.verify!(language, text);
          verified.push({ language, text, valid });
          return valid;
        },
        dispose: () => analyzer.dispose(),
      };
    },
  };
  return { env, verified };
}

/** A TypeScript module of commented functions: stripping and eliding both save a lot, so a tight budget uses them. */
function commentedModule(name: string, count: number, trailer = ''): string {
  const functions = Array.from({ length: count }, (_, index) =>
    [
      `// ${name} step ${index}: a plain comment the stripped text drops, long enough to be worth dropping.`,
      `// It goes on for a second line, so comments are a good share of the file.`,
      `export function ${name}Step${index}(items: number[], limit = ${index}): number[] {`,
      ...Array.from({ length: 6 }, (_, line) => `  items = items.filter((item) => item * ${line + 2} > limit + ${line});`),
      '  return items;',
      '}',
      '',
    ].join('\n'),
  );
  return `${functions.join('\n')}${trailer}`;
}

function fixtureFiles(extra: Record<string, string> = {}, trailer = ''): Record<string, string> {
  const files: Record<string, string> = { 'README.md': '# Steps\n\nModules of filtering steps.\n', ...extra };
  for (let index = 0; index < 30; index++) files[`src/module-${String(index).padStart(2, '0')}.ts`] = commentedModule(`m${index}`, 6 + (index % 5) * 2, trailer);
  for (let index = 0; index < 10; index++) files[`src/small-${index}.ts`] = `export const small${index} = ${index};\n`;
  return files;
}

/** Stripped and skeleton texts a plan shows, by path. */
function shownParsedLevels(result: Awaited<ReturnType<typeof pack>>): { path: string; text: string }[] {
  return result.report.plan.entries.flatMap((entry) =>
    entry.variant.level === 'stripped' || entry.variant.level === 'skeleton' ? [{ path: entry.path, text: entry.variant.text }] : [],
  );
}

let repo: TempRepo | undefined;
afterEach(async () => {
  await repo?.cleanup();
  repo = undefined;
});

describe('representations are checked only when a plan shows them', () => {
  it.each([
    ['lazy', false],
    ['eager', true],
  ])('%s: re-parses exactly the shown stripped and skeleton texts, once each', async (_name, eagerSyntax) => {
    repo ??= await makeRepo(fixtureFiles(), { git: false });
    const { env, verified } = verifyingEnv();
    const result = await pack({ root: repo.root, budget: 6_000, cache: false, eagerSyntax }, env);
    const shown = shownParsedLevels(result);
    expect(shown.length).toBeGreaterThan(0);
    expect(verified.every((check) => check.valid && check.language === 'typescript')).toBe(true);
    expect(verified.map((check) => check.text).sort()).toEqual(shown.map((entry) => entry.text).sort());
    // Thirty modules were parsed (the eager pack parsed all forty files), far more than the plan shows.
    expect(verified.length).toBeLessThan(30);
  });

  it('gives the same bundle lazily and eagerly', async () => {
    repo = await makeRepo(fixtureFiles(), { git: false });
    const options: PackOptions = { root: repo.root, budget: 6_000, cache: false };
    const lazy = await pack(options, verifyingEnv().env);
    const eager = await pack({ ...options, eagerSyntax: true }, verifyingEnv().env);
    expect(lazy.bundle).toBe(eager.bundle);
  });

  it('re-parses nothing a warm run already checked, even when the plan changes', async () => {
    repo = await makeRepo(fixtureFiles(), { git: false });
    const cacheDirectory = await mkdtemp(join(tmpdir(), 'shown-checks-cache-'));
    try {
      // A tokenizer loader of its own keeps the whole-result cache out of it: every run packs afresh.
      const afresh = (env: PackEnv): PackEnv => ({ ...env, loadTokenizer: (name) => loadTokenizer(name) });
      const cold = verifyingEnv();
      await pack({ root: repo.root, budget: 6_000, cacheDirectory }, afresh(cold.env));
      const warm = verifyingEnv();
      const warmResult = await pack({ root: repo.root, budget: 6_000, cacheDirectory }, afresh(warm.env));
      expect(cold.verified.length).toBeGreaterThan(0);
      expect(warm.verified).toEqual([]);
      expect(shownParsedLevels(warmResult).length).toBe(cold.verified.length);
      // A larger budget shows other representations: only those are re-parsed.
      const wider = verifyingEnv();
      const widerResult = await pack({ root: repo.root, budget: 9_000, cacheDirectory }, afresh(wider.env));
      const coldTexts = new Set(cold.verified.map((check) => check.text));
      expect(wider.verified.every((check) => !coldTexts.has(check.text))).toBe(true);
      expect(wider.verified.length).toBe(shownParsedLevels(widerResult).filter((entry) => !coldTexts.has(entry.text)).length);
    } finally {
      await rm(cacheDirectory, { recursive: true, force: true });
    }
  });
});

describe('a representation that fails the check', () => {
  // A stray top-level token outside every body: stripping keeps it, eliding bodies keeps it, so neither re-parses.
  const broken = commentedModule('broken', 14, 'export const = ;\n');

  it.each([
    ['lazy', false],
    ['eager', true],
  ])('%s: is never shown, and the bundle still fits', async (_name, eagerSyntax) => {
    repo ??= await makeRepo(fixtureFiles({ 'src/aaa-broken.ts': broken }), { git: false });
    const budget = 6_000;
    const { env, verified } = verifyingEnv();
    const overrides = [{ files: ['src/aaa-broken.ts'], priority: 10 }];
    const result = await pack({ root: repo.root, budget, cache: false, eagerSyntax, overrides }, env);
    const failed = verified.filter((check) => !check.valid);
    expect(failed.length).toBeGreaterThan(0);
    const entry = result.report.plan.entries.find((candidate) => candidate.path === 'src/aaa-broken.ts');
    expect(entry).toBeDefined();
    expect(['stripped', 'skeleton']).not.toContain(entry!.variant.level);
    for (const { text } of failed) expect(result.bundle).not.toContain(text);
    // Every stripped or skeleton text shown passed the check.
    const passed = new Set(verified.filter((check) => check.valid).map((check) => check.text));
    for (const shown of shownParsedLevels(result)) expect(passed.has(shown.text)).toBe(true);
    expect((await loadTokenizer('o200k')).count(result.bundle)).toBeLessThanOrEqual(budget);
  });

  it('when most files fail, takes bounded refits and still shows only representations that passed', async () => {
    repo = await makeRepo(fixtureFiles({}, 'export const = ;\n'), { git: false });
    const budget = 6_000;
    const { env, verified } = verifyingEnv();
    const result = await pack({ root: repo.root, budget, cache: false }, env);
    expect(verified.filter((check) => !check.valid).length).toBeGreaterThan(10);
    const passed = new Set(verified.filter((check) => check.valid).map((check) => check.text));
    for (const shown of shownParsedLevels(result)) expect(passed.has(shown.text)).toBe(true);
    // Each failing text is checked once: a failed level is dropped, never offered again.
    expect(new Set(verified.map((check) => check.text)).size).toBe(verified.length);
    expect((await loadTokenizer('o200k')).count(result.bundle)).toBeLessThanOrEqual(budget);
  });

  it('with --split (no refit): every representation is checked first, the failed ones never shown', async () => {
    repo = await makeRepo(fixtureFiles({ 'src/aaa-broken.ts': broken }), { git: false });
    const { env, verified } = verifyingEnv();
    const overrides = [{ files: ['src/aaa-broken.ts'], priority: 10 }];
    const result = await pack({ root: repo.root, budget: 6_000, cache: false, split: 2, overrides }, env);
    const failed = verified.filter((check) => !check.valid);
    expect(failed.length).toBe(2); // the broken module's stripped text and skeleton
    for (const { text } of failed) expect(result.bundle).not.toContain(text);
    const passed = new Set(verified.filter((check) => check.valid).map((check) => check.text));
    for (const shown of shownParsedLevels(result)) expect(passed.has(shown.text)).toBe(true);
  });
});
