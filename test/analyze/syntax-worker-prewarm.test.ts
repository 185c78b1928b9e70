/**
 * A pre-warmed pool that no batch uses must not keep the process alive: a spawned pack whose worker lingers forever
 * once warmed still exits, with the bundle an in-process pack gives. Runs `dist/` (built by `npm test`'s pretest).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as PackEnvModule from '../../src/pack-env.js';
import type * as PackModule from '../../src/pack.js';
import { makeRepo, type TempRepo } from '../helpers/make-repo.js';

const DIST = new URL('../../dist/', import.meta.url);
const LINGERING_WORKER = new URL('../fixtures/workers/lingering-syntax-worker.mjs', import.meta.url);
/** Far above the child's few-second run: a child still alive then is held by its worker. */
const CHILD_TIMEOUT_MS = 15_000;

/**
 * A pack in a child process that pre-warms a pool of the lingering worker and prints the bundle. The analyzer's
 * `prewarm` is wrapped to block until the worker has left its marker, so the worker is surely running (and holding
 * its thread open) before the pack goes on, whatever the machine's speed.
 */
const CHILD_SCRIPT = `
import { existsSync } from 'node:fs';
const [packUrl, envUrl, workerUrl, root] = process.argv.slice(2);
const { pack } = await import(packUrl);
const { defaultEnv } = await import(envUrl);
const parallelAnalysis = { prewarmMinFiles: 1, workers: 1, loadAverage: () => 0, workerUrl: new URL(workerUrl) };
const env = defaultEnv({ parallelAnalysis });
const createSyntaxAnalyzer = async (request) => {
  const analyzer = await env.createSyntaxAnalyzer(request);
  const prewarm = (expected) => {
    analyzer.prewarm(expected);
    const sleeper = new Int32Array(new SharedArrayBuffer(4));
    for (let waited = 0; !existsSync(process.env.LINGERING_WORKER_MARKER) && waited < 10000; waited += 10) Atomics.wait(sleeper, 0, 0, 10);
  };
  return { supports: analyzer.supports.bind(analyzer), analyze: analyzer.analyze.bind(analyzer), dispose: analyzer.dispose.bind(analyzer), prewarm };
};
const result = await pack({ root, budget: 1500, cache: false }, { ...env, createSyntaxAnalyzer });
process.stdout.write(result.bundle);
`;

let repo: TempRepo;
let markerDir: string;

beforeAll(async () => {
  if (!existsSync(fileURLToPath(new URL('analyze/syntax-worker.js', DIST)))) throw new Error('dist/ is not built: run `npm run build`');
  // Too big to fit whole (so files are pooled and the pool pre-warms), but the code file is small enough to show in
  // full: no plan asks for a parse.
  const prose = Array.from({ length: 400 }, (_, index) => `Line ${index} of the guide, about nothing in particular.`).join('\n');
  markerDir = mkdtempSync(join(tmpdir(), 'repopack-marker-'));
  repo = await makeRepo({ 'src/main.ts': 'export const answer = 42;\n', 'docs/guide.md': `${prose}\n` }, { commit: true });
});

afterAll(async () => {
  await repo?.cleanup();
  if (markerDir) rmSync(markerDir, { recursive: true, force: true });
});

function runChild(marker: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const args = ['pack.js', 'pack-env.js'].map((name) => new URL(name, DIST).href);
  // A script file, not `--eval`: workers inherit the parent's node flags, and `--input-type` fails a worker.
  const script = join(markerDir, 'child.mjs');
  writeFileSync(script, CHILD_SCRIPT);
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [script, ...args, LINGERING_WORKER.href, repo.root],
      { env: { ...process.env, NODE_OPTIONS: '', LINGERING_WORKER_MARKER: marker }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_TIMEOUT_MS);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('pre-warmed syntax workers', () => {
  it('are terminated when no batch uses them: the process exits with the in-process bundle', async () => {
    const { pack } = (await import(new URL('pack.js', DIST).href)) as typeof PackModule;
    const { defaultEnv } = (await import(new URL('pack-env.js', DIST).href)) as typeof PackEnvModule;
    const inProcess = await pack({ root: repo.root, budget: 1500, cache: false }, defaultEnv({ parallelAnalysis: { workers: 0 } }));
    const marker = join(markerDir, 'warmed');
    const child = await runChild(marker);
    expect(child.stderr).toBe('');
    expect(child.code).toBe(0);
    expect(readFileSync(marker, 'utf8')).toBe('typescript');
    expect(child.stdout).toBe(inProcess.bundle);
    expect(inProcess.bundle).toContain('export const answer = 42;');
  }, 30_000);
});
