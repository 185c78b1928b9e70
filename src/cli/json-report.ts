/**
 * `--json FILE|-`: the pack's report as one JSON document for scripts and CI — every file with its level, tokens,
 * score and reasons, the skipped files, the warnings and the totals. Field names are part of the interface.
 */
import { writeFile } from 'node:fs/promises';
import { LEVELS, type Level, type Report, type SkippedFile } from '../shared/types.js';

/** Version of the report's shape; raised when a field changes meaning or disappears. */
export const JSON_REPORT_VERSION = 1;

/** One file (or diff) of the plan. */
export interface JsonReportFile {
  readonly path: string;
  /** `diff` for a diff section, `file` otherwise. */
  readonly section: 'file' | 'diff';
  readonly level: Level;
  /** Tokens of the file's section in the bundle (0 for `path`). */
  readonly tokens: number;
  /** Tokens its richest variant would have needed. */
  readonly fullTokens: number;
  readonly score: number;
  readonly reasons: readonly string[];
  readonly note?: string;
}

/** The whole report as written. */
export interface JsonReport {
  readonly version: number;
  readonly tokenizer: string;
  readonly budget: number;
  /** Exact tokens of the bundle (with `--split`, of all parts together). */
  readonly tokens: number;
  readonly files: readonly JsonReportFile[];
  readonly skipped: readonly SkippedFile[];
  readonly warnings: readonly string[];
  readonly totals: {
    /** Files of the plan; diff sections are counted in `diffs`, not here. */
    readonly files: number;
    /** Diff sections of the plan (`--diff`, `--staged`, `--base`), 0 without a diff. */
    readonly diffs: number;
    readonly skipped: number;
    /** Files per level, every level present (0 when none). */
    readonly levels: Readonly<Record<Level, number>>;
    /** Share of the budget used, 0..1, four decimals. */
    readonly fill: number;
    readonly parts?: readonly { readonly path?: string; readonly tokens: number }[];
  };
}

/** The report of a pack as plain data. `parts` lists the parts of a split bundle. */
export function buildJsonReport(report: Report, parts?: readonly { path?: string; tokens: number }[]): JsonReport {
  const files = report.plan.entries.map((entry): JsonReportFile => {
    const note = entry.variant.level === 'path' ? undefined : entry.variant.note;
    return {
      path: entry.path,
      section: entry.section === 'diff' ? 'diff' : 'file',
      level: entry.variant.level,
      tokens: entry.tokens,
      fullTokens: entry.fullTokens,
      score: Math.round(entry.score * 10_000) / 10_000,
      reasons: entry.reasons,
      ...(note === undefined ? {} : { note }),
    };
  });
  const levels = Object.fromEntries(LEVELS.map((level) => [level, 0])) as Record<Level, number>;
  for (const file of files) if (file.section === 'file') levels[file.level] += 1;
  return {
    version: JSON_REPORT_VERSION,
    tokenizer: report.tokenizer,
    budget: report.budget,
    tokens: report.tokens,
    files,
    skipped: report.skipped,
    warnings: report.warnings,
    totals: {
      files: files.filter((file) => file.section === 'file').length,
      diffs: files.filter((file) => file.section === 'diff').length,
      skipped: report.skipped.length,
      levels,
      fill: Math.round((report.tokens / report.budget) * 10_000) / 10_000,
      ...(parts === undefined ? {} : { parts }),
    },
  };
}

/** Writes the report to `target` (a file), or to stderr for `-`. */
export async function writeJsonReport(report: JsonReport, target: string, stderr: NodeJS.WritableStream): Promise<void> {
  const text = `${JSON.stringify(report, null, 2)}\n`;
  if (target !== '-') return writeFile(target, text);
  await new Promise<void>((done, fail) => stderr.write(text, (error) => (error ? fail(error) : done())));
}
