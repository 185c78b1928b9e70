#!/usr/bin/env node
// Packs a repository at several budgets in every style and checks the contract with an independent counter:
// tokens ≤ budget, and the fill ratio when the repository does not fit whole.
//   npm run sweep -- PATH [--budgets 4k,32k,256k,1M] [--styles xml,markdown,plain,json]
import { get_encoding } from 'tiktoken';
import { pack, parseBudget, STYLES } from '../dist/index.js';

function option(name, fallback) {
  const index = process.argv.indexOf(name);
  return index === -1 ? fallback : process.argv[index + 1];
}

const root = process.argv[2];
if (!root || root.startsWith('--')) {
  console.error('usage: npm run sweep -- PATH [--budgets 4k,32k,256k,1M] [--styles xml,markdown,plain,json]');
  process.exit(2);
}
const budgets = option('--budgets', '4k,32k,256k,1M').split(',').map((text) => parseBudget(text));
const styles = option('--styles', STYLES.join(',')).split(',');
const oracle = get_encoding('o200k_base');
let failures = 0;
console.log('budget\tstyle\ttokens\tfill\tseconds\tfull\tpartial\tpath-only\tverdict');
for (const budget of budgets) {
  for (const style of styles) {
    const started = performance.now();
    const { bundle, report } = await pack({ root, budget, style });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const tokens = oracle.encode_ordinary(bundle).length;
    const levels = report.plan.entries.map((entry) => entry.variant.level);
    const full = levels.filter((level) => level === 'full').length;
    const pathOnly = levels.filter((level) => level === 'path').length;
    const fitsWhole = full === levels.length;
    const fill = tokens / budget;
    const ok = tokens <= budget && (fitsWhole || fill >= 0.97);
    if (!ok) failures++;
    const verdict = ok ? (fitsWhole ? 'ok (fits whole)' : 'ok') : 'FAIL';
    console.log(`${budget}\t${style}\t${tokens}\t${(fill * 100).toFixed(2)}%\t${seconds}\t${full}\t${levels.length - full - pathOnly}\t${pathOnly}\t${verdict}`);
  }
}
oracle.free();
process.exitCode = failures === 0 ? 0 : 1;
