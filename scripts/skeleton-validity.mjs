#!/usr/bin/env node
/**
 * Measures the analyze stage on a real source tree: per language, how many files got a skeleton, how many of those
 * re-parse without ERROR/MISSING nodes (the validity property), and the token reduction skeleton/full (o200k).
 * Usage: npm run build && node scripts/skeleton-validity.mjs <directory> [--max-files N]
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { checkedSyntax, createSyntaxAnalyzer, isSyntaxFailure } from '../dist/analyze/index.js';
import { GrammarRegistry } from '../dist/analyze/grammar-registry.js';
import { detectLanguage } from '../dist/shared/languages.js';
import { scanTree } from '../dist/analyze/syntax-scan.js';
import { buildSkeleton } from '../dist/analyze/representations.js';

const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules', '__pycache__']);

function* walk(directory) {
  for (const entry of readdirSync(directory, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.isDirectory() && !SKIPPED_DIRECTORIES.has(entry.name)) yield* walk(join(directory, entry.name));
    else if (entry.isFile()) yield join(directory, entry.name);
  }
}

const tokens = (text) => countTokens(text, { disallowedSpecial: new Set() });

async function main() {
  const [root, ...rest] = process.argv.slice(2);
  if (!root) throw new Error('usage: node scripts/skeleton-validity.mjs <directory> [--max-files N]');
  const maxFiles = rest[0] === '--max-files' ? Number(rest[1]) : Infinity;
  const analyzer = await createSyntaxAnalyzer();
  const oracle = new GrammarRegistry();
  const stats = new Map();
  const invalid = [];
  const rejected = [];
  let seen = 0;
  for (const path of walk(root)) {
    const { language, kind } = detectLanguage(path);
    if (!analyzer.supports(language) || seen >= maxFiles) continue;
    seen += 1;
    const text = readFileSync(path, 'utf8');
    const row = stats.get(language) ?? { files: 0, failures: 0, skeletons: 0, valid: 0, fullTokens: 0, skeletonTokens: 0, strippedTokens: 0, outlineTokens: 0, bytes: 0, ms: 0 };
    stats.set(language, row);
    row.files += 1;
    row.bytes += statSync(path).size;
    const started = performance.now();
    const analysis = await analyzer.analyze({ path, bytes: Buffer.byteLength(text), kind, language, encoding: 'utf8', text });
    if (isSyntaxFailure(analysis)) { row.ms += performance.now() - started; row.failures += 1; continue; }
    // Analysis defers the validity check to whoever shows a representation; this is the check pack makes.
    const result = await checkedSyntax(analysis, (checked, shown) => analyzer.verify(checked, shown));
    row.ms += performance.now() - started;
    const full = tokens(text);
    row.fullTokens += full;
    row.strippedTokens += result.stripped ? tokens(result.stripped) : full;
    row.outlineTokens += result.outline ? tokens(result.outline) : full;
    if (!result.skeleton) {
      row.skeletonTokens += full;
      if (await isRejectedSkeleton(oracle, language, text)) rejected.push(relative(root, path));
      continue;
    }
    row.skeletons += 1;
    row.skeletonTokens += tokens(result.skeleton.text);
    const { parser } = await oracle.load(language);
    const tree = parser.parse(result.skeleton.text);
    if (tree && !tree.rootNode.hasError) row.valid += 1;
    else invalid.push(relative(root, path));
    tree?.delete();
  }
  analyzer.dispose();
  oracle.dispose();
  report(stats, invalid);
  for (const path of rejected) console.log(`skeleton withheld (re-parse had errors): ${path}`);
}

/** Rebuilds the skeleton the analyzer withheld to tell "invalid" apart from "nothing to elide". */
async function isRejectedSkeleton(oracle, language, text) {
  const grammar = await oracle.load(language);
  const tree = grammar.parser.parse(text);
  if (!tree) return false;
  const hadErrors = tree.rootNode.hasError;
  const scan = scanTree(tree, text, grammar.rules);
  tree.delete();
  const skeleton = buildSkeleton(text, scan, grammar.rules.elision);
  if (hadErrors || skeleton.text.length >= text.length) return false;
  const check = grammar.parser.parse(skeleton.text);
  const hasErrors = check?.rootNode.hasError ?? true;
  check?.delete();
  return hasErrors;
}

function report(stats, invalid) {
  const percent = (part, whole) => (whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`);
  console.log('language    files  failed  skeleton  valid   skel/full  strip/full  outline/full  parse MB/s');
  for (const [language, r] of [...stats].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    console.log(
      [
        language.padEnd(10),
        String(r.files).padStart(6),
        String(r.failures).padStart(7),
        String(r.skeletons).padStart(9),
        percent(r.valid, r.skeletons).padStart(7),
        percent(r.skeletonTokens, r.fullTokens).padStart(10),
        percent(r.strippedTokens, r.fullTokens).padStart(11),
        percent(r.outlineTokens, r.fullTokens).padStart(13),
        (r.bytes / 1e6 / (r.ms / 1000)).toFixed(2).padStart(11),
      ].join(' '),
    );
  }
  for (const path of invalid) console.log(`invalid skeleton: ${path}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
