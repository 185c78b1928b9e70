/**
 * Runs one Node program under measurement: wall time from spawn to exit, and CPU time and peak RSS as reported by
 * the program itself through the `bench-peak-rss.mjs` preload.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PRELOAD_PATH = fileURLToPath(new URL('./bench-peak-rss.mjs', import.meta.url));
const USAGE_FILE_VARIABLE = 'REPOPACK_BENCH_USAGE_FILE';
/** Enough of a failing program's stderr to show its error, not a whole log. */
const STDERR_TAIL_CHARS = 2_000;

/**
 * @typedef {{ wallMs: number, cpuMs: number, peakRssKiB: number, processes: number }} Sample
 * `peakRssKiB` is the main process's peak plus the peaks of any preloaded child processes: an upper bound of the
 * combined peak (they need not peak at the same moment). Worker threads are inside the main process's figure.
 */

/** Median of a non-empty list (mean of the two middle values for an even count). */
export function median(values) {
  if (values.length === 0) throw new RangeError('median of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Combine measured runs: median wall and CPU time, the highest peak RSS seen (a peak is a worst case).
 * @param {readonly Sample[]} samples
 */
export function summarizeSamples(samples) {
  return {
    runs: samples.length,
    wallMs: median(samples.map((sample) => sample.wallMs)),
    cpuMs: median(samples.map((sample) => sample.cpuMs)),
    peakRssKiB: Math.max(...samples.map((sample) => sample.peakRssKiB)),
    processes: Math.max(...samples.map((sample) => sample.processes)),
  };
}

/**
 * Parse the preload's JSON lines into one sample's CPU and memory figures. CPU adds each process's own time and
 * the time of its reaped children (`childrenMicros`, Linux); a preloaded child reaped by a preloaded parent is in
 * its parent's children time already, so its own line is not added again.
 */
export function aggregateUsage(text) {
  const records = text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
  if (records.length === 0) return undefined;
  const pids = new Set(records.map((record) => record.pid));
  const cpuMicros = records.reduce((sum, record) => {
    const own = record.userMicros + record.systemMicros;
    const countedByParent = pids.has(record.ppid) && records.some((other) => other.pid === record.ppid && other.childrenMicros !== undefined);
    return sum + (countedByParent ? 0 : own) + (record.childrenMicros ?? 0);
  }, 0);
  const peakRssKiB = records.reduce((sum, record) => sum + record.maxRssKiB, 0);
  return { cpuMs: cpuMicros / 1_000, peakRssKiB, processes: records.length };
}

function waitForExit(child, timeoutMs) {
  return new Promise((resolve) => {
    let stderr = '';
    let timedOut = false;
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      stderr = (stderr + chunk).slice(-STDERR_TAIL_CHARS);
    });
    child.on('error', (error) => resolve({ code: -1, signal: null, stderr: `${stderr}${error.message}` }));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stderr, timedOut });
    });
  });
}

/** Error text for a run that did not exit 0: how it ended plus the end of its stderr. */
function describeFailure(label, exit) {
  const how = exit.timedOut ? 'timed out (see --timeout)' : exit.signal ? `was killed by ${exit.signal}` : `exited with ${exit.code}`;
  const tail = exit.stderr.trim().split('\n').slice(-5).join('\n');
  return `${label} ${how}${tail ? `:\n${tail}` : ''}`;
}

/**
 * Run `node --import <preload> <script> ...args` once and measure it. Stdout is discarded (the tools write their
 * output to a file); stderr is kept for error messages.
 * @param {{ label: string, script: string, args: readonly string[], env: Record<string, string | undefined>, cwd?: string, timeoutMs?: number }} invocation
 * @returns {Promise<Sample>} rejects with the program's stderr when it exits non-zero
 */
export async function runMeasured(invocation) {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'repopack-bench-usage-'));
  const usageFile = path.join(scratch, 'usage.jsonl');
  try {
    const nodeArgs = ['--import', pathToFileURL(PRELOAD_PATH).href, invocation.script, ...invocation.args];
    const started = performance.now();
    const child = spawn(process.execPath, nodeArgs, {
      cwd: invocation.cwd,
      env: { ...invocation.env, [USAGE_FILE_VARIABLE]: usageFile },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const exit = await waitForExit(child, invocation.timeoutMs);
    const wallMs = performance.now() - started;
    if (exit.code !== 0) throw new Error(describeFailure(invocation.label, exit));
    const usage = aggregateUsage(await readFile(usageFile, 'utf8').catch(() => ''));
    if (!usage) throw new Error(`${invocation.label} exited without reporting its resource usage`);
    return { wallMs, ...usage };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * Run `runs` measured invocations and summarise them. `invocations.next()` builds each run afresh (a cold run gets a
 * fresh cache directory); `invocations.cleanup()` runs after each one, failed or not.
 * @param {{ runs: number, timeoutMs?: number, invocations: { next: () => Promise<Parameters<typeof runMeasured>[0]>, cleanup: () => Promise<void> } }} plan
 */
export async function runRepeated(plan) {
  const samples = [];
  for (let index = 0; index < plan.runs; index += 1) {
    try {
      samples.push(await runMeasured({ ...(await plan.invocations.next()), timeoutMs: plan.timeoutMs }));
    } finally {
      await plan.invocations.cleanup();
    }
  }
  return summarizeSamples(samples);
}
