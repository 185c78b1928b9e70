#!/usr/bin/env node
/**
 * npm run eval -- REPO [--cases 30] [--budgets 32k,128k] [--max-gold 4] [--json] [--no-syntax]
 *
 * Retrieval benchmark from a repository's own history. Each case is a commit that changed 1–4 source files
 * (not tests, examples, docs, generated or vendored files): the task is the commit message, the gold set is those
 * files as they existed in the parent, and the tree is the parent commit, checked out into a temporary worktree.
 * For each budget it packs with `--focus <message>` and reports how often every gold file is in the bundle at any
 * level, and in full, next to a baseline that ranks files by BM25 of the message over whole-file text and takes
 * them in full, in that order, while they fit. Needs a build (`npm run build`).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseEvalArgs, selectCases, summarize, formatTable } from './eval-cases.mjs';
import { baselineIncluded } from './eval-baseline.mjs';

const dist = new URL('../dist/', import.meta.url);
const { pack, defaultEnv, collectFiles, loadTokenizer, parseBudget } = await import(new URL('index.js', dist).href);
const { classifyRole } = await import(new URL('rank/index.js', dist).href);
const { detectLanguage } = await import(new URL('shared/languages.js', dist).href);

const git = (cwd, args) => execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });

/** Is this changed path a source file (code, not a test, example, generated or vendored file)? */
function isSourcePath(path) {
  const info = detectLanguage(path);
  if (info.kind !== 'code') return false;
  const role = classifyRole({ path, bytes: 0, encoding: 'utf8', text: '', ...info });
  return role === 'source' || role === 'entry-point';
}

async function runCase(worktree, testCase, budgets, tokenizer, env) {
  git(worktree, ['checkout', '-q', '--detach', '-f', testCase.parent]);
  git(worktree, ['clean', '-q', '-fdx']);
  const result = { commit: testCase.commit, message: testCase.subject, gold: testCase.gold, budgets: {} };
  const collection = await collectFiles({ root: worktree, include: [], ignore: [], maxFileBytes: 1024 * 1024 });
  for (const budget of budgets) {
    const { report } = await pack({ root: worktree, budget, focus: testCase.message }, env);
    const files = report.plan.entries.filter((entry) => entry.section === undefined);
    const levels = new Map(files.map((entry) => [entry.path, entry.variant.level]));
    const fullTokens = new Map(files.map((entry) => [entry.path, entry.fullTokens]));
    const baseline = baselineIncluded(collection.files, testCase.message, budget, tokenizer);
    // The room for file sections in this bundle: what the gold files' full sections must fit in for "in full".
    const frame = report.tokens - report.plan.entries.reduce((sum, entry) => sum + entry.tokens, 0);
    result.budgets[budget] = {
      levels: testCase.gold.map((path) => levels.get(path) ?? 'missing'),
      baseline: testCase.gold.map((path) => baseline.has(path)),
      goldFullTokens: testCase.gold.reduce((sum, path) => sum + (fullTokens.get(path) ?? 0), 0),
      room: budget - frame,
    };
  }
  return result;
}

async function main() {
  const options = parseEvalArgs(process.argv.slice(2), parseBudget);
  const repo = resolve(options.repo);
  const log = git(repo, ['-c', 'core.quotePath=false', 'log', '--no-merges', '--first-parent', '--no-renames', '-n', String(options.scanCommits), '--format=%x1e%H%x1f%P%x1f%B%x1f', '--name-status', 'HEAD']);
  const cases = selectCases(log, options, isSourcePath);
  if (cases.length === 0) throw new Error(`no commits in ${repo} change 1–${options.maxGold} source files`);
  const tokenizer = await loadTokenizer('o200k');
  const env = options.syntax ? defaultEnv() : { ...defaultEnv(), createSyntaxAnalyzer: undefined };
  const worktree = mkdtempSync(join(tmpdir(), 'repopack-eval-'));
  rmSync(worktree, { recursive: true });
  git(repo, ['worktree', 'add', '-q', '--detach', worktree, cases[0].parent]);
  const results = [];
  const skipped = [];
  try {
    for (const testCase of cases) {
      // One case that cannot be checked out (e.g. a clone missing old objects) must not lose the others.
      try {
        results.push(await runCase(worktree, testCase, options.budgets, tokenizer, env));
      } catch (error) {
        skipped.push({ commit: testCase.commit, reason: error.message.split('\n')[0] });
      }
      if (!options.json) process.stderr.write(`\r${results.length + skipped.length}/${cases.length} cases`);
    }
  } finally {
    git(repo, ['worktree', 'remove', '--force', worktree]);
  }
  if (!options.json) process.stderr.write('\n');
  for (const { commit, reason } of skipped) process.stderr.write(`eval: skipped ${commit.slice(0, 10)}: ${reason}\n`);
  if (results.length === 0) throw new Error(`every case failed; the first: ${skipped[0]?.reason ?? 'none'}`);
  const summary = summarize(results, options.budgets);
  process.stdout.write(options.json ? JSON.stringify({ repo, cases: results.length, skipped, summary, results }, null, 2) + '\n' : formatTable(repo, results.length, summary));
}

main().catch((error) => {
  process.stderr.write(`eval: ${error.message}\n`);
  process.exitCode = 1;
});
