#!/usr/bin/env node
/**
 * `npm run bench -- [PATH ...] [--budget 256k] [--runs 3] [--no-repomix] [--no-parse-stats] [--synthetic 1k,20k]`
 *
 * Packs each target with repopack and with Repomix and prints wall time, CPU time, peak RSS and output size side by
 * side, with the repopack/Repomix ratios. The table goes to stdout, progress to stderr. See `--help`.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BenchUsageError, REPOMIX_VERSION, USAGE, parseBenchArgs } from './bench-args.mjs';
import { countTargetFiles, measureOutput } from './bench-output.mjs';
import { runMeasured, runRepeated } from './bench-run.mjs';
import { ensureSyntheticTree } from './bench-synthetic.mjs';
import { formatFailures, formatTable } from './bench-table.mjs';
import { ensureRepomix, makeInvocations, probeRepopack, snapshotTool } from './bench-tools.mjs';
import { formatParseTable, measureParse } from './bench-parse.mjs';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;

function log(line) {
  process.stderr.write(`[bench] ${line}\n`);
}

/** `20000` → "20k", `1000000` → "1M": the label of a synthetic tree. */
function shortCount(count) {
  if (count % 1_000_000 === 0) return `${count / 1_000_000}M`;
  if (count % 1_000 === 0) return `${count / 1_000}k`;
  return String(count);
}

/** Targets given by path, then the synthetic trees (written on first use). */
async function resolveTargets(options) {
  const given = options.targets.map((target) => ({ label: path.basename(target) || target, path: target }));
  const synthetic = [];
  for (const fileCount of options.synthetic) {
    await mkdir(options.workDir, { recursive: true });
    const root = await ensureSyntheticTree({ parent: options.workDir, fileCount, seed: options.seed, log });
    synthetic.push({ label: `synthetic-${shortCount(fileCount)}`, path: root });
  }
  return [...given, ...synthetic];
}

/**
 * One tool on one target: an unmeasured priming run (fills the warm cache and the OS page cache, so cold runs
 * measure the tool's own cold start rather than the disk), then cold runs, then warm runs, then the output's size.
 */
async function benchTool({ tool, target, runs, timeoutMs, scratch }) {
  const output = path.join(scratch, `${tool.name.toLowerCase()}-output.${tool.extension}`);
  const warm = makeInvocations({ tool, mode: 'warm', target: target.path, output, scratch });
  const cold = makeInvocations({ tool, mode: 'cold', target: target.path, output, scratch });
  log(`${target.label}: ${tool.name} priming run …`);
  await runMeasured({ ...(await warm.next()), timeoutMs });
  log(`${target.label}: ${tool.name} ${runs} cold run(s) …`);
  const coldSummary = await runRepeated({ runs, timeoutMs, invocations: cold });
  log(`${target.label}: ${tool.name} ${runs} warm run(s) …`);
  const warmSummary = await runRepeated({ runs, timeoutMs, invocations: warm });
  log(`${target.label}: ${tool.name} counting output tokens …`);
  const extra = tool.compared === false ? { compared: false } : {};
  return { name: tool.name, ...extra, cold: coldSummary, warm: warmSummary, output: await measureOutput(output) };
}

/** Every tool on one target; a failing tool becomes an error row, never the end of the bench. */
async function benchTarget(target, tools, options) {
  const { files, source } = await countTargetFiles(target.path);
  log(`${target.label}: ${files} files at ${target.path}`);
  await mkdir(options.workDir, { recursive: true });
  const scratch = await mkdtemp(path.join(options.workDir, 'run-'));
  const results = [];
  try {
    for (const tool of tools) {
      if (tool.needsGit && source !== 'git') continue;
      if (tool.error) {
        results.push({ name: tool.name, error: tool.error });
        continue;
      }
      try {
        results.push(await benchTool({ tool, target, runs: options.runs, timeoutMs: options.timeoutMs, scratch }));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log(`${target.label}: ${tool.name} failed: ${message}`);
        results.push({ name: tool.name, error: message });
      }
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return { label: target.label, files, tools: results };
}

/**
 * repopack and (unless `--no-repomix`) Repomix. A repopack that does not run yet is an error row when Repomix can
 * still be measured, and the end of the bench when nothing else is left.
 */
async function loadTools(options) {
  if (!options.withRepopack) return [await ensureRepomix(options.repomixDir, log)];
  let repopack;
  try {
    repopack = await probeRepopack(PROJECT_ROOT, options.budget);
  } catch (error) {
    if (!options.withRepomix) throw error;
    const message = error instanceof Error ? error.message : String(error);
    log(message);
    repopack = { name: 'repopack', error: message };
  }
  // The snapshot row comes last: the ratio rows compare the first two tools.
  const snapshot = repopack.error ? [] : [snapshotTool(repopack, options.budget)];
  if (!options.withRepomix) return [repopack, ...snapshot];
  return [repopack, await ensureRepomix(options.repomixDir, log), ...snapshot];
}

function describeSetup(options, tools) {
  const noCache = tools[0].name === 'repopack' && tools[0].coldArgs?.length > 0;
  const cold = noCache ? 'cold = --no-cache' : 'cold = fresh temp/cache dirs (no --no-cache flag)';
  const measured = [
    options.withRepopack ? `repopack --budget ${options.budget} --style xml (${cold})` : undefined,
    options.withRepomix ? `Repomix ${REPOMIX_VERSION} --style xml (cold = REPOMIX_TOKEN_CACHE=0)` : undefined,
  ].filter(Boolean);
  return [
    `node ${process.version}, ${os.cpus().length} CPUs, ${os.platform()}/${os.arch()}`,
    `${measured.join('; ')}; median of ${options.runs} run(s), peak RSS is the highest seen`,
    'tokens: o200k, counted by the bench on each output',
  ];
}

function parseOrExit(argv) {
  try {
    return parseBenchArgs(argv);
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    process.stderr.write(`bench: ${error.message}\n(npm run bench -- --help shows the usage)\n`);
    process.exit(EXIT_USAGE);
  }
}

async function main() {
  const options = parseOrExit(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  let tools;
  try {
    tools = await loadTools(options);
  } catch (error) {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(EXIT_FAILURE);
  }
  const targets = await resolveTargets(options);
  const results = [];
  for (const target of targets) results.push(await benchTarget(target, tools, options));
  const failures = formatFailures(results);
  process.stdout.write(`${[...describeSetup(options, tools), '', formatTable(results), ...failures].join('\n')}\n`);
  if (options.parseStats && targets.length > 0) {
    log('parse stats: packing each target in-process, timing tree-sitter …');
    const rows = await measureParse({ projectRoot: PROJECT_ROOT, targets, budget: options.budget });
    process.stdout.write(`\n${formatParseTable(rows)}\n`);
  }
  if (failures.length > 0) process.exitCode = EXIT_FAILURE;
}

await main();
