#!/usr/bin/env node
/**
 * Our skeletons side by side with Repomix `--compress` on the same files, per language: o200k tokens of full text,
 * of ours (skeleton, else stripped, else full: what `--compress` shows) and of Repomix's output, and whether each
 * exported definition name (from our analysis of the full file) still appears in each output.
 * Usage: npm run build && npm run compress-compare -- PATH [--repomix-dir DIR] [--max-files-per-language N]
 *        [--list-losses] [--worst N]
 * DIR is an npm prefix where Repomix is installed (`npm install --no-save --prefix DIR repomix@1.18.1`).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { checkedSyntax, createSyntaxAnalyzer, isSyntaxFailure } from '../dist/analyze/index.js';
import { detectLanguage } from '../dist/shared/languages.js';
import { repomixCommand, repomixVersion, runRepomix } from './compress-compare-repomix.mjs';

const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules', '__pycache__']);
/** Kinds whose "name" is not an identifier a reader looks for (`Display for Point`). */
const UNNAMED_KINDS = new Set(['impl']);

function* walk(directory) {
  for (const entry of readdirSync(directory, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.isDirectory() && !SKIPPED_DIRECTORIES.has(entry.name)) yield* walk(join(directory, entry.name));
    else if (entry.isFile()) yield join(directory, entry.name);
  }
}

function parseArguments(argv) {
  const options = { root: undefined, repomixDir: undefined, maxPerLanguage: Infinity, listLosses: false, worst: 0 };
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    if (argument === '--repomix-dir') options.repomixDir = argv[++index];
    else if (argument === '--max-files-per-language') options.maxPerLanguage = Number(argv[++index]);
    else if (argument === '--list-losses') options.listLosses = true;
    else if (argument === '--worst') options.worst = Number(argv[++index]);
    else if (!argument.startsWith('--') && options.root === undefined) options.root = argument;
    else throw new Error(`unknown argument "${argument}"`);
  }
  if (!options.root) {
    throw new Error('usage: compress-compare PATH [--repomix-dir DIR] [--max-files-per-language N] [--list-losses] [--worst N]');
  }
  return options;
}

/** Supported files grouped by language, each group thinned evenly (deterministic) to at most `max` files. */
function sampleFiles(root, analyzer, max) {
  const byLanguage = new Map();
  for (const path of walk(root)) {
    const { language, kind } = detectLanguage(path);
    if (!analyzer.supports(language)) continue;
    const group = byLanguage.get(language) ?? [];
    group.push({ path, relativePath: relative(root, path).split(sep).join('/'), language, kind });
    byLanguage.set(language, group);
  }
  const sample = [];
  for (const group of byLanguage.values()) {
    const count = Math.min(group.length, max);
    for (let index = 0; index < count; index += 1) sample.push(group[Math.floor((index * group.length) / count)]);
  }
  return sample;
}

const tokens = (text) => countTokens(text, { disallowedSpecial: new Set() });

/** True when `name` occurs in `text` as a whole identifier. */
function mentions(text, name) {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\w$])${escaped}(?![\\w$])`).test(text);
}

async function analyzeSample(sample, analyzer) {
  const analyzed = [];
  const fallbacks = [];
  for (const file of sample) {
    const text = readFileSync(file.path, 'utf8');
    const analysis = await analyzer.analyze({
      path: file.relativePath, bytes: Buffer.byteLength(text), kind: file.kind, language: file.language, encoding: 'utf8', text,
    });
    if (isSyntaxFailure(analysis)) {
      fallbacks.push(`${file.relativePath}: ${analysis.failure}${analysis.detail ? ` (${analysis.detail})` : ''}`);
      continue;
    }
    // Only representations that re-parse cleanly are ever shown (pack checks the ones its plan shows).
    const result = await checkedSyntax(analysis, (language, shown) => analyzer.verify(language, shown));
    const ours = result.skeleton?.text ?? result.stripped ?? text;
    const names = [...new Set(result.definitions.filter((d) => d.isExported && !UNNAMED_KINDS.has(d.kind)).map((d) => d.name))];
    analyzed.push({ ...file, text, ours, names });
  }
  return { analyzed, fallbacks };
}

function compare(analyzed, theirs) {
  const rows = new Map();
  const losses = [];
  const excess = [];
  for (const file of analyzed) {
    const repomix = theirs.get(file.relativePath);
    if (repomix === undefined) continue;
    const row = rows.get(file.language) ?? { files: 0, full: 0, ours: 0, repomix: 0, names: 0, oursKept: 0, repomixKept: 0, worseFiles: 0 };
    rows.set(file.language, row);
    row.files += 1;
    row.full += tokens(file.text);
    const ours = tokens(file.ours);
    const their = tokens(repomix);
    row.ours += ours;
    row.repomix += their;
    excess.push({ path: file.relativePath, ours, their });
    const lost = [];
    for (const name of file.names) {
      const isOurs = mentions(file.ours, name);
      const isTheirs = mentions(repomix, name);
      row.names += 1;
      row.oursKept += isOurs ? 1 : 0;
      row.repomixKept += isTheirs ? 1 : 0;
      if (!isOurs && isTheirs) lost.push(name);
    }
    if (lost.length > 0) {
      row.worseFiles += 1;
      losses.push(`${file.relativePath}: ${lost.join(', ')}`);
    }
  }
  excess.sort((a, b) => b.ours - b.their - (a.ours - a.their) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { rows, losses, excess };
}

function printTable(rows) {
  const percent = (part, whole) => (whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`);
  const header = ['language', 'files', 'full tok', 'ours tok', 'ours/full', 'repomix tok', 'repomix/full', 'exported', 'ours kept', 'repomix kept', 'ours loses'];
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  const total = { files: 0, full: 0, ours: 0, repomix: 0, names: 0, oursKept: 0, repomixKept: 0, worseFiles: 0 };
  const line = (language, r) =>
    console.log(
      `| ${[language, r.files, r.full, r.ours, percent(r.ours, r.full), r.repomix, percent(r.repomix, r.full), r.names,
        percent(r.oursKept, r.names), percent(r.repomixKept, r.names), r.worseFiles].join(' | ')} |`,
    );
  for (const [language, r] of [...rows].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    line(language, r);
    for (const key of Object.keys(total)) total[key] += r[key];
  }
  line('all', total);
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const command = repomixCommand(options.repomixDir);
  console.log(`Repomix ${repomixVersion(command)}; tokens: o200k; "ours loses" = files where a name Repomix keeps is missing from ours`);
  const analyzer = await createSyntaxAnalyzer();
  const sample = sampleFiles(options.root, analyzer, options.maxPerLanguage);
  const { analyzed, fallbacks } = await analyzeSample(sample, analyzer);
  analyzer.dispose();
  const theirs = runRepomix(command, options.root, analyzed.map((file) => file.relativePath));
  const { rows, losses, excess } = compare(analyzed, theirs);
  printTable(rows);
  const missing = analyzed.filter((file) => !theirs.has(file.relativePath)).length;
  console.log(`\n${analyzed.length} files analyzed, ${missing} left out by Repomix, ${fallbacks.length} fell back to text:`);
  for (const fallback of fallbacks) console.log(`  fallback ${fallback}`);
  for (const loss of options.listLosses ? losses : losses.slice(0, 20)) console.log(`  ours loses ${loss}`);
  for (const file of excess.slice(0, options.worst)) {
    console.log(`  ours − repomix ${file.ours - file.their} tokens (${file.ours} vs ${file.their}): ${file.path}`);
  }
  if (!options.listLosses && losses.length > 20) console.log(`  … ${losses.length - 20} more (--list-losses)`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
