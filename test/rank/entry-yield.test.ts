import { rankFiles } from '../../src/rank/index.js';
import { ENTRY_YIELD_SHARE, namedSiblingsOfEntryPoints, yieldedRelevance } from '../../src/rank/entry-yield.js';
import { termsOf } from '../../src/rank/text-terms.js';
import { sourceAt } from '../helpers/source-file.js';

/** A command's entry point that wires every subcommand: the task's words appear in it often, as flags and help text. */
const mainGo = [
  'package main',
  'func main() {',
  '  tsdbCmd := app.Command("tsdb", "Run tsdb commands.")',
  '  tsdbDumpCmd := tsdbCmd.Command("dump", "Dump samples from a TSDB.")',
  '  dumpPath := tsdbDumpCmd.Arg("db path", "Database path (default is data/).").String()',
  '  dumpMinTime := tsdbDumpCmd.Flag("min-time", "Minimum timestamp to dump.").Int64()',
  '  dumpMaxTime := tsdbDumpCmd.Flag("max-time", "Maximum timestamp to dump.").Int64()',
  '  tsdbDumpOpenMetricsCmd := tsdbCmd.Command("dump-openmetrics", "Dump samples from a TSDB into OpenMetrics.")',
  '  tsdbAnalyzeCmd := tsdbCmd.Command("analyze", "Analyze tsdb churn.")',
  '  tsdbListCmd := tsdbCmd.Command("list", "List tsdb blocks.")',
  '  dumpFormat := tsdbDumpCmd.Flag("format", "Print histogram series samples as native histograms.").String()',
  '  dumpMatch := tsdbDumpCmd.Flag("match", "Series selector; the first samples of each series are kept.").Strings()',
  '}',
  '',
].join('\n');

/** The subcommand's own file: it does the dumping, but says "tsdb" and "dump" less often than the entry point. */
const tsdbGo = [
  'package main',
  'func dumpSamples(path string, mint, maxt int64) error {',
  '  it := querier.Select(mint, maxt)',
  '  for it.Next() { print(it.At()) }',
  '  return it.Err()',
  '}',
  'func analyzeBlock(path string) error { return openBlock(path) }',
  '',
].join('\n');

describe('an entry point yields to a sibling the task names', () => {
  it('finds the named source files beside each entry point whose own name is not named', () => {
    const files = [
      sourceAt('cmd/tool/main.go', 'package main\n'),
      sourceAt('cmd/tool/tsdb.go', 'package main\n'),
      sourceAt('cmd/tool/tsdb_test.go', 'package main\n'),
      sourceAt('cmd/other/main.go', 'package main\n'),
      sourceAt('src/index.ts', 'export {};\n'),
      sourceAt('src/index-tsdb.ts', 'export {};\n'),
    ];
    const siblings = namedSiblingsOfEntryPoints(files, new Set(termsOf('tool: fix tsdb dump')));
    expect([...siblings]).toEqual([['cmd/tool/main.go', ['cmd/tool/tsdb.go']]]);
    expect(namedSiblingsOfEntryPoints(files, new Set(termsOf('tool: fix the main tsdb dump'))).size).toBe(0);
  });

  it('caps the entry point just below its best named sibling, unless that sibling is rated far lower', () => {
    const relevance = new Map([['a.go', 0.66], ['b.go', 0.5], ['weak.go', 0.3]]);
    const of = (path: string) => relevance.get(path)!;
    expect(yieldedRelevance(0.76, ['b.go', 'a.go'], of)).toEqual({ relevance: ENTRY_YIELD_SHARE * 0.66, to: 'a.go' });
    expect(yieldedRelevance(0.6, ['a.go'], of)).toEqual({ relevance: 0.6 });
    expect(yieldedRelevance(0.76, ['weak.go'], of)).toEqual({ relevance: 0.76 });
  });

  it('ranks the file the task names above the entry point that only repeats its words', () => {
    // The storage package is a directory named tsdb: the word is common in paths, rare in file names.
    const storage = ['head', 'db', 'block', 'compact', 'wal', 'querier'].map((name) => sourceAt(`tsdb/${name}.go`, 'package tsdb\n'));
    const files = [sourceAt('cmd/tool/main.go', mainGo), sourceAt('cmd/tool/tsdb.go', tsdbGo), sourceAt('web/ui.go', 'package web\n'), ...storage];
    const focus = 'tool: Fixed tsdb dump silently dropping first samples of histogram series.';
    const ranked = rankFiles(files, { focus });
    expect(ranked.find((entry) => entry.file.path === 'cmd/tool/main.go')!.reasons).toContain('yields to cmd/tool/tsdb.go');
    const order = ranked.map((entry) => entry.file.path);
    expect(order.indexOf('cmd/tool/tsdb.go')).toBeLessThan(order.indexOf('cmd/tool/main.go'));
  });
});
