/**
 * Command line of `npm run bench`: argv in → a validated options record out. Bad input throws `BenchUsageError`
 * whose message quotes the flag and the value.
 */
import { existsSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

/** Repomix release the comparison is pinned to, so figures from different days compare like with like. */
export const REPOMIX_VERSION = '1.18.1';
/** Measured runs per tool and mode; the median is reported. Three is the least that gives a median. */
const DEFAULT_RUNS = 3;
/** More runs than this is a typo rather than a plan (each run of a large repository takes seconds to minutes). */
const MAX_RUNS = 50;
/** The budget of the project's own examples: a large context window, so compression is not the whole story. */
const DEFAULT_BUDGET = '256k';
/** A run longer than this is stuck or hopeless on this machine; kill it and report a failure. */
const DEFAULT_TIMEOUT_SECONDS = 1_800;
/** Synthetic trees above this many files take minutes and gigabytes to write; refuse rather than fill a disk. */
const MAX_SYNTHETIC_FILES = 1_000_000;

export const USAGE = `usage: npm run bench -- [PATH ...] [options]

Packs each PATH (default: the current directory) with repopack and with Repomix ${REPOMIX_VERSION}
and prints wall time, CPU time, peak RSS and output size side by side. A git PATH also gets
'repopack snapshot' rows: cold packs (--force), warm finds the recorded key and packs nothing.

options:
  --budget B          repopack token budget (default ${DEFAULT_BUDGET}): 32k, 256k, 1M, 200000
  --runs N            measured runs per tool and mode, median reported (default ${DEFAULT_RUNS})
  --no-repomix        measure repopack only
  --no-repopack       measure Repomix only (reference figures while repopack is not built)
  --no-parse-stats    skip the tree-sitter pass (parse MB/s and parse share of a pack, per PATH)
  --synthetic LIST    also bench generated trees of these file counts, e.g. 1k,20k,200k
  --timeout S         kill a run after S seconds and report it as failed (default ${DEFAULT_TIMEOUT_SECONDS})
  --seed N            seed of the synthetic trees (default 1)
  --repomix-dir DIR   where Repomix is installed on demand (default <tmpdir>/repopack-bench/repomix)
  --work-dir DIR      scratch space for outputs and synthetic trees (default <tmpdir>/repopack-bench)
  -h, --help          show this text`;

/** Thrown for a bad command line; the bench prints the message and the usage and exits 2. */
export class BenchUsageError extends Error {
  constructor(message) {
    super(message);
    this.name = 'BenchUsageError';
  }
}

const OPTION_SPEC = {
  budget: { type: 'string', default: DEFAULT_BUDGET },
  runs: { type: 'string', default: String(DEFAULT_RUNS) },
  'no-repomix': { type: 'boolean', default: false },
  'no-repopack': { type: 'boolean', default: false },
  'no-parse-stats': { type: 'boolean', default: false },
  synthetic: { type: 'string' },
  seed: { type: 'string', default: '1' },
  timeout: { type: 'string', default: String(DEFAULT_TIMEOUT_SECONDS) },
  'repomix-dir': { type: 'string' },
  'work-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
};

/**
 * Parse a count with an optional `k` (1,000) or `M`/`m` (1,000,000) suffix and `_` separators: `20k`, `1M`, `5_000`.
 * Returns `undefined` when the text is not such a count.
 */
export function parseCount(text) {
  const match = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(text.trim().replaceAll('_', ''));
  if (!match) return undefined;
  const scale = match[2] === '' ? 1 : match[2].toLowerCase() === 'k' ? 1_000 : 1_000_000;
  const value = Math.round(Number(match[1]) * scale);
  return Number.isSafeInteger(value) ? value : undefined;
}

function parseRuns(text) {
  const runs = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(runs >= 1 && runs <= MAX_RUNS)) {
    throw new BenchUsageError(`--runs ${JSON.stringify(text)} is not a whole number from 1 to ${MAX_RUNS}`);
  }
  return runs;
}

function parseBudget(text) {
  const tokens = parseCount(text);
  if (tokens === undefined || tokens < 1) {
    throw new BenchUsageError(`--budget ${JSON.stringify(text)} is not a token count; use e.g. 32k, 256k, 1M or 200000`);
  }
  return text;
}

/** `1k,20k` → [1000, 20000], sorted ascending without duplicates. */
function parseSynthetic(text) {
  if (text === undefined) return [];
  const counts = text.split(',').map((part) => {
    const count = parseCount(part);
    if (count === undefined || count < 1 || count > MAX_SYNTHETIC_FILES) {
      throw new BenchUsageError(
        `--synthetic ${JSON.stringify(text)}: ${JSON.stringify(part)} is not a file count from 1 to 1M; use e.g. 1k,20k,200k`,
      );
    }
    return count;
  });
  return [...new Set(counts)].sort((a, b) => a - b);
}

function parseSeed(text) {
  if (!/^\d{1,9}$/.test(text)) throw new BenchUsageError(`--seed ${JSON.stringify(text)} is not a whole number below 1e9`);
  return Number(text);
}

function parseTimeout(text) {
  const seconds = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
  if (!(seconds > 0)) throw new BenchUsageError(`--timeout ${JSON.stringify(text)} is not a positive number of seconds`);
  return seconds * 1_000;
}

function resolveTargets(positionals, cwd) {
  return positionals.map((given) => {
    const absolute = path.resolve(cwd, given);
    if (!existsSync(absolute) || !statSync(absolute).isDirectory()) {
      throw new BenchUsageError(`PATH ${JSON.stringify(given)} is not a directory`);
    }
    return absolute;
  });
}

function readArgv(argv) {
  try {
    return parseArgs({ args: argv, options: OPTION_SPEC, allowPositionals: true, strict: true });
  } catch (error) {
    throw new BenchUsageError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * Parse the bench's arguments (without `node` and the script).
 * @param {readonly string[]} argv
 * @param {{ cwd?: string, tmpdir?: string }} [context] where relative paths and the default scratch space resolve
 */
export function parseBenchArgs(argv, context = {}) {
  const cwd = context.cwd ?? process.cwd();
  const { values, positionals } = readArgv([...argv]);
  const workDir = path.resolve(cwd, values['work-dir'] ?? path.join(context.tmpdir ?? os.tmpdir(), 'repopack-bench'));
  if (values['no-repomix'] && values['no-repopack']) {
    throw new BenchUsageError('--no-repomix and --no-repopack together leave nothing to measure; drop one');
  }
  const synthetic = parseSynthetic(values.synthetic);
  const targets = resolveTargets(positionals.length === 0 && synthetic.length === 0 ? ['.'] : positionals, cwd);
  return {
    help: values.help,
    targets,
    synthetic,
    seed: parseSeed(values.seed),
    budget: parseBudget(values.budget),
    runs: parseRuns(values.runs),
    timeoutMs: parseTimeout(values.timeout),
    withRepomix: !values['no-repomix'],
    withRepopack: !values['no-repopack'],
    parseStats: !values['no-repopack'] && !values['no-parse-stats'],
    workDir,
    repomixDir: path.resolve(cwd, values['repomix-dir'] ?? path.join(workDir, 'repomix')),
  };
}
