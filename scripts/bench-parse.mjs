/**
 * `npm run bench -- PATH --parse-stats`: how fast tree-sitter parses and what share of a pack it costs. Runs the
 * built library in this process, without the cross-run cache, once at the budget (pack parses only the
 * best-ranked files then) and once with `--compress` (every file a grammar supports), timing every `analyze` call
 * through the analyzer seam of `PackEnv`. Parse time includes the scan and building stripped/skeleton/outline,
 * grammar loading, and the validity re-parse (`verify`) of the representations the plan shows; throughput is source megabytes (10^6 bytes) per second of that time.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The analyzer of `env`, with the time spent in it and the bytes it was given added up in `stats`. Calls overlap (a
 * batch is awaited together, on worker threads when large), so the time is that of their union: while at least one
 * is in flight. Summing each call's own span counted every wait once per call (pulumi/examples: 1,194 s of
 * "parse" in a 9 s pack).
 */
function timedEnv(env, stats) {
  let inFlight = 0;
  let busySince = 0;
  const begin = () => {
    if (inFlight++ === 0) busySince = performance.now();
  };
  const end = () => {
    if (--inFlight === 0) stats.ms += performance.now() - busySince;
  };
  return {
    ...env,
    openCache: () => undefined,
    createSyntaxAnalyzer: async () => {
      const started = performance.now();
      const analyzer = await env.createSyntaxAnalyzer();
      stats.ms += performance.now() - started;
      return {
        supports: (language) => analyzer.supports(language),
        dispose: () => analyzer.dispose(),
        analyze: async (file) => {
          begin();
          const result = await analyzer.analyze(file).finally(end);
          stats.files += 1;
          stats.bytes += file.bytes;
          if ('failure' in result) stats.failures += 1;
          return result;
        },
        // The validity re-parse of the representations a plan shows is parse work too.
        verify: async (language, text) => {
          begin();
          return analyzer.verify(language, text).finally(end);
        },
      };
    },
  };
}

async function measureOne(library, root, options) {
  const stats = { ms: 0, files: 0, bytes: 0, failures: 0 };
  const started = performance.now();
  await library.pack({ root, ...options, cache: false }, timedEnv(library.defaultEnv(), stats));
  const packMs = performance.now() - started;
  return { ...stats, packMs };
}

/** Rows for the table: per target, a budget pack and a `--compress` pack. */
export async function measureParse({ projectRoot, targets, budget }) {
  const library = await import(pathToFileURL(path.join(projectRoot, 'dist', 'index.js')).href);
  const budgetTokens = library.parseBudget(budget);
  const rows = [];
  for (const target of targets) {
    rows.push({ label: target.label, mode: `--budget ${budget}`, ...(await measureOne(library, target.path, { budget: budgetTokens })) });
    rows.push({ label: target.label, mode: '--compress', ...(await measureOne(library, target.path, { budget: budgetTokens, compress: true })) });
  }
  return rows;
}

/** A plain text table: files parsed, MB, parse seconds, MB/s, pack seconds and the parse share. */
export function formatParseTable(rows) {
  const header = ['target', 'mode', 'files parsed', 'failed', 'MB', 'parse s', 'MB/s', 'pack s', 'parse share'];
  const lines = rows.map((row) => [
    row.label,
    row.mode,
    String(row.files),
    String(row.failures),
    (row.bytes / 1e6).toFixed(2),
    (row.ms / 1000).toFixed(2),
    row.files > 0 && row.ms > 0 ? (row.bytes / 1e6 / (row.ms / 1000)).toFixed(2) : '-',
    (row.packMs / 1000).toFixed(2),
    row.packMs > 0 ? `${((100 * row.ms) / row.packMs).toFixed(1)}%` : '-',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
  const format = (cells) => cells.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  return ['parse throughput (tree-sitter, in-process, no cache):', format(header), ...lines.map(format)].join('\n');
}
