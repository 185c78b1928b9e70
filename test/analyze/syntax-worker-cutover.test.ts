/**
 * Packs above and below the parallel cut-over give the same bytes. The worker script is the compiled one, so the
 * packs run from `dist/` (built by `npm test`'s pretest). A throwing worker script shows which side of the cut-over
 * a run was on: only a run that started workers can warn about one.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type * as PackEnvModule from '../../src/pack-env.js';
import type * as PackModule from '../../src/pack.js';
import type { ParallelAnalysisOptions } from '../../src/analyze/index.js';
import { makeRepo, type TempRepo } from '../helpers/make-repo.js';
import { fixtureFile, SYNTAX_FIXTURES } from './syntax-fixture-file.js';

const DIST = new URL('../../dist/', import.meta.url);
const THROWING_WORKER = new URL('../fixtures/workers/throwing-syntax-worker.mjs', import.meta.url);
/** Lowered so the fixture repository is "large" and the machine idle: every batch goes to the workers. */
const ALWAYS_PARALLEL: ParallelAnalysisOptions = { minFiles: 1, minChars: 0, workers: 2, loadAverage: () => 0 };

/** One worker beside the main thread, pre-warmed by the lazy pack's first candidates; every batch is shared. */
const SHARED_WITH_MAIN: ParallelAnalysisOptions = {
  ...ALWAYS_PARALLEL,
  workers: 1,
  warmMinFiles: 1,
  warmMinChars: 0,
  prewarmMinFiles: 1,
};

let repo: TempRepo;
let inProcess: { bundle: string; warnings: readonly string[] };
let packFrom: (
  parallelAnalysis: ParallelAnalysisOptions,
  compress?: boolean,
) => Promise<{ bundle: string; warnings: readonly string[] }>;

beforeAll(async () => {
  if (!existsSync(fileURLToPath(new URL('analyze/syntax-worker.js', DIST)))) throw new Error('dist/ is not built: run `npm run build`');
  const { pack } = (await import(new URL('pack.js', DIST).href)) as typeof PackModule;
  const { defaultEnv } = (await import(new URL('pack-env.js', DIST).href)) as typeof PackEnvModule;
  const files = Object.fromEntries(
    ['app', 'lib'].flatMap((folder) => SYNTAX_FIXTURES.map((name) => [`${folder}/${name}`, fixtureFile(name).text])),
  );
  repo = await makeRepo(files, { commit: true });
  packFrom = async (parallelAnalysis, compress = true) => {
    const result = await pack({ root: repo.root, budget: 6_000, compress, cache: false }, defaultEnv({ parallelAnalysis }));
    return { bundle: result.bundle, warnings: result.report.warnings };
  };
  inProcess = await packFrom({});
});

afterAll(async () => {
  await repo?.cleanup();
});

describe('parallel analysis cut-over', () => {
  it('packs the same bytes with worker threads as in-process', async () => {
    const parallel = await packFrom(ALWAYS_PARALLEL);
    expect(parallel.bundle).toBe(inProcess.bundle);
    expect(parallel.warnings).toEqual(inProcess.warnings);
    expect(inProcess.bundle).toContain('/* ... */');
  });

  it('packs the same bytes when one worker and the main thread share the batches, lazily parsed too', async () => {
    const shared = await packFrom(SHARED_WITH_MAIN);
    expect(shared.bundle).toBe(inProcess.bundle);
    expect(shared.warnings).toEqual(inProcess.warnings);
    const lazyInProcess = await packFrom({}, false);
    const lazyShared = await packFrom(SHARED_WITH_MAIN, false);
    expect(lazyShared.bundle).toBe(lazyInProcess.bundle);
    expect(lazyShared.warnings).toEqual(lazyInProcess.warnings);
    // Lazily parsed files show a parse level: the batches really went through the analyzer.
    expect(lazyInProcess.bundle).toContain('/* ... */');
  });

  it('stays in-process below the cut-over or on a busy machine, and falls back with a warning when a worker fails', async () => {
    const below = await packFrom({ workerUrl: THROWING_WORKER, loadAverage: () => 0 });
    expect(below.warnings).toEqual(inProcess.warnings);
    const busy = await packFrom({ ...ALWAYS_PARALLEL, workerUrl: THROWING_WORKER, loadAverage: () => 64 });
    expect(busy.warnings).toEqual(inProcess.warnings);
    const failed = await packFrom({ ...ALWAYS_PARALLEL, workerUrl: THROWING_WORKER });
    expect(failed.bundle).toBe(inProcess.bundle);
    expect(failed.warnings.filter((warning) => !inProcess.warnings.includes(warning))).toEqual([
      expect.stringContaining('syntax worker stopped'),
    ]);
  });
});
