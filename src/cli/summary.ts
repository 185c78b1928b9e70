import type { ChalkInstance } from 'chalk';
import { LEVELS, type DiffLevel, type Level, type Report } from '../shared/types.js';
import { formatCount } from './terminal.js';

/** How many of the largest packed files the summary names. */
const TOP_FILES_SHOWN = 5;
/** Width of the budget bar in characters. */
const BAR_WIDTH = 24;
/** Diff levels richest first, as the summary lists them. */
const DIFF_LEVEL_ORDER: readonly (DiffLevel | 'not shown')[] = ['function-context', 'hunks', 'zero-context', 'stat', 'not shown'];

/** The few lines printed to stderr after a pack: levels, budget use, largest files, skipped files by reason. */
export function formatSummary(report: Report, color: ChalkInstance): string {
  const { entries } = report.plan;
  // Diff sections are not files: counted apart, by how much of each diff is shown.
  const files = entries.filter((entry) => entry.section !== 'diff');
  const byLevel = new Map<Level, number>();
  for (const entry of files) byLevel.set(entry.variant.level, (byLevel.get(entry.variant.level) ?? 0) + 1);
  const levels = LEVELS.filter((level) => byLevel.has(level))
    .map((level) => `${formatCount(byLevel.get(level)!)} ${level}`)
    .join(', ');
  const share = report.tokens / report.budget;
  const filled = Math.round(Math.min(1, share) * BAR_WIDTH);
  const bar = color.green('█'.repeat(filled)) + color.dim('░'.repeat(BAR_WIDTH - filled));
  const lines = [
    `${color.bold('repopack')} ${formatCount(files.length)} ${files.length === 1 ? 'file' : 'files'}: ${levels || 'none'}${formatDiffCounts(entries)}`,
    `${bar} ${formatCount(report.tokens)} / ${formatCount(report.budget)} tokens (${(share * 100).toFixed(1)}%, ${report.tokenizer})`,
  ];
  const top = entries
    .filter((entry) => entry.tokens > 0)
    .sort((a, b) => b.tokens - a.tokens || (a.path < b.path ? -1 : 1))
    .slice(0, TOP_FILES_SHOWN);
  if (top.length > 0) {
    const named = (entry: (typeof top)[number]) => (entry.section === 'diff' ? `${entry.path} (diff)` : entry.path);
    lines.push(`largest: ${top.map((entry) => `${named(entry)} ${color.dim(formatCount(entry.tokens))}`).join(', ')}`);
  }
  const reasons = new Map<string, number>();
  for (const skipped of report.skipped) reasons.set(skipped.reason, (reasons.get(skipped.reason) ?? 0) + 1);
  if (reasons.size > 0) {
    const parts = [...reasons].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([reason, count]) => `${count} ${reason}`);
    lines.push(color.yellow(`skipped: ${parts.join(', ')}`));
  }
  const redactions = formatRedactions(report);
  if (redactions !== undefined) lines.push(color.yellow(redactions));
  return lines.join('\n') + '\n';
}

/** `; 3 diffs: 2 function-context, 1 stat` (a diff the budget left out counts as `not shown`), or `''` without diffs. */
function formatDiffCounts(entries: Report['plan']['entries']): string {
  const byLevel = new Map<DiffLevel | 'not shown', number>();
  for (const entry of entries) {
    if (entry.section !== 'diff') continue;
    // Diff variants other than `path` always carry their diff level; `stat` is the safe reading otherwise.
    const level = entry.variant.level === 'path' ? 'not shown' : (entry.variant.diffLevel ?? 'stat');
    byLevel.set(level, (byLevel.get(level) ?? 0) + 1);
  }
  if (byLevel.size === 0) return '';
  const total = [...byLevel.values()].reduce((sum, count) => sum + count, 0);
  const levels = DIFF_LEVEL_ORDER.filter((level) => byLevel.has(level)).map((level) => `${formatCount(byLevel.get(level)!)} ${level}`);
  return `; ${formatCount(total)} ${total === 1 ? 'diff' : 'diffs'}: ${levels.join(', ')}`;
}

/** `redacted 3 secrets in 2 files (aws-access-key ×2, jwt)`, or `dropped 2 files with secrets (…)` with `--secrets drop`. */
export function formatRedactions(report: Report): string | undefined {
  const redactions = report.redactions ?? [];
  if (redactions.length === 0) return undefined;
  const byRule = new Map<string, number>();
  for (const redaction of redactions) byRule.set(redaction.rule, (byRule.get(redaction.rule) ?? 0) + 1);
  const rules = [...byRule]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([rule, count]) => (count === 1 ? rule : `${rule} ×${count}`))
    .join(', ');
  const paths = new Set(redactions.map((redaction) => redaction.path));
  const files = paths.size === 1 ? '1 file' : `${formatCount(paths.size)} files`;
  const dropped = report.skipped.filter((skipped) => skipped.reason === 'secret' && paths.has(skipped.path)).length;
  if (dropped > 0) return `dropped ${files} with secrets (${rules})`;
  const secrets = redactions.length === 1 ? '1 secret' : `${formatCount(redactions.length)} secrets`;
  return `redacted ${secrets} in ${files} (${rules})`;
}
