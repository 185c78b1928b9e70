import type { ChalkInstance } from 'chalk';
import type { Report } from '../shared/types.js';
import { formatCount } from './terminal.js';

/** The `--explain` table: every file in bundle order with score, level, tokens (and what full would cost), reasons. */
export function formatExplain(report: Report, color: ChalkInstance): string {
  const rows = report.plan.entries.map((entry) => {
    const tokens =
      entry.variant.level === 'full' || entry.fullTokens === 0
        ? formatCount(entry.tokens)
        : `${formatCount(entry.tokens)} (full ${formatCount(entry.fullTokens)})`;
    return { path: entry.path, score: entry.score.toFixed(1), level: entry.variant.level, tokens, why: entry.reasons.join('; ') };
  });
  const width = (key: 'path' | 'score' | 'level' | 'tokens', title: string) =>
    Math.max(title.length, ...rows.map((row) => row[key].length));
  const widths = { path: width('path', 'path'), score: width('score', 'score'), level: width('level', 'level'), tokens: width('tokens', 'tokens') };
  const line = (path: string, score: string, level: string, tokens: string, why: string) =>
    `${path.padEnd(widths.path)}  ${score.padStart(widths.score)}  ${level.padEnd(widths.level)}  ${tokens.padStart(widths.tokens)}  ${why}`;
  const out = [color.bold(line('path', 'score', 'level', 'tokens', 'reasons'))];
  for (const row of rows) out.push(line(row.path, row.score, row.level, row.tokens, color.dim(row.why)));
  for (const skipped of report.skipped) {
    out.push(color.yellow(`${skipped.path}: skipped (${skipped.reason}${skipped.detail ? `: ${skipped.detail}` : ''})`));
  }
  return out.join('\n') + '\n';
}
