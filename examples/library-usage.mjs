// Use repopack as a library: pack a directory under a budget and inspect the plan.
//   node examples/library-usage.mjs [DIRECTORY] [BUDGET]
import { pack, parseBudget } from 'repopack';

const root = process.argv[2] ?? '.';
const budget = parseBudget(process.argv[3] ?? '32k');
const { bundle, report } = await pack({ root, budget, style: 'markdown' });

const full = report.plan.entries.filter((entry) => entry.variant.level === 'full').map((entry) => entry.path);
console.log(`bundle: ${bundle.length} characters, ${report.tokens} of ${report.budget} tokens (${report.tokenizer})`);
console.log(`in full: ${full.slice(0, 5).join(', ')}${full.length > 5 ? ', …' : ''}`);
console.log(`skipped: ${report.skipped.length}`);
