/**
 * The worker pool against the in-process analyzer, with real tree-sitter on real files. Workers run the compiled
 * script, so these tests read `dist/` (built by `npm test`'s pretest); the in-process side comes from `dist/` too, so
 * both sides run the same build of the analyzer.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type * as AnalyzeModule from '../../src/analyze/index.js';
import { SyntaxWorkerPool } from '../../src/analyze/syntax-worker-pool.js';
import { fixtureFile, SYNTAX_FIXTURES } from './syntax-fixture-file.js';

const DIST_WORKER = new URL('../../dist/analyze/syntax-worker.js', import.meta.url);
const THROWING_WORKER = new URL('../fixtures/workers/throwing-syntax-worker.mjs', import.meta.url);

async function distAnalyze(): Promise<typeof AnalyzeModule> {
  if (!existsSync(fileURLToPath(DIST_WORKER))) throw new Error('dist/ is not built: run `npm run build` first');
  return (await import(new URL('../../dist/analyze/index.js', import.meta.url).href)) as typeof AnalyzeModule;
}

/** Every fixture, twice over, so each worker gets several files of several languages. */
const FILES = [0, 1].flatMap((round) =>
  SYNTAX_FIXTURES.map((name) => ({ ...fixtureFile(name), path: `round-${round}/${name}` })),
);

async function inProcessResults(): Promise<string[]> {
  const analyzer = await (await distAnalyze()).createSyntaxAnalyzer();
  try {
    const results: string[] = [];
    for (const file of FILES) results.push(JSON.stringify(await analyzer.analyze(file)));
    return results;
  } finally {
    analyzer.dispose();
  }
}

async function poolResults(workerUrl: URL, warnings: string[]): Promise<string[]> {
  const pool = new SyntaxWorkerPool({ workers: 2, workerUrl, onWarning: (message) => warnings.push(message) });
  try {
    return (await Promise.all(FILES.map((file) => pool.analyze(file)))).map((result) => JSON.stringify(result));
  } finally {
    pool.dispose();
  }
}

let expected: string[];

beforeAll(async () => {
  expected = await inProcessResults();
});

describe('syntax worker pool', () => {
  it('gives the in-process results, byte for byte and in order, for every golden fixture language', async () => {
    expect(expected.filter((result) => result.includes('"failure"'))).toEqual([]);
    const warnings: string[] = [];
    expect(await poolResults(DIST_WORKER, warnings)).toEqual(expected);
    expect(warnings).toEqual([]);
  });

  it('falls back to in-process analysis with one warning when a worker fails', async () => {
    const warnings: string[] = [];
    expect(await poolResults(THROWING_WORKER, warnings)).toEqual(expected);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('worker failure for the fallback test');
  });

  it('shares a batch between a worker and the main thread, giving the in-process results in order', async () => {
    const { createSyntaxAnalyzer } = await distAnalyze();
    const main = await createSyntaxAnalyzer();
    const mainPaths: string[] = [];
    const mainThread = { analyze: (file: (typeof FILES)[number]) => (mainPaths.push(file.path), main.analyze(file)) };
    const pool = new SyntaxWorkerPool({ workers: 1, workerUrl: DIST_WORKER, mainThread });
    try {
      pool.prewarm(['typescript', 'python', 'no-such-language']);
      expect(pool.isStarted).toBe(true);
      const results = await Promise.all(FILES.map((file) => pool.analyze(file)));
      expect(results.map((result) => JSON.stringify(result))).toEqual(expected);
      expect(mainPaths.length).toBeGreaterThan(0);
      expect(mainPaths.length).toBeLessThan(FILES.length);
    } finally {
      pool.dispose();
      main.dispose();
    }
    expect(pool.isStarted).toBe(false);
  });

  it('falls back when the worker script is missing', async () => {
    const warnings: string[] = [];
    const missing = new URL('../fixtures/workers/no-such-worker.mjs', import.meta.url);
    expect(await poolResults(missing, warnings)).toEqual(expected);
    expect(warnings).toHaveLength(1);
  });
});
