/**
 * Bench results in → a plain-text table out: one row per target × tool × mode, then the repopack/Repomix ratios.
 * Pure: no I/O, no locale (digits are grouped by hand so the table reads the same everywhere).
 */

const HEADERS = ['target', 'files', 'tool', 'mode', 'wall s', 'cpu s', 'peak RSS MB', 'out tokens', 'out bytes'];
/** Columns holding numbers are right-aligned. */
const NUMERIC_COLUMNS = new Set([1, 4, 5, 6, 7, 8]);
const MISSING = '-';
const KIB_PER_MIB = 1024;

/** 1234567 → "1,234,567" without consulting the locale. */
export function groupDigits(value) {
  const [whole, fraction] = String(value).split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

function seconds(milliseconds) {
  return milliseconds === undefined ? MISSING : (milliseconds / 1_000).toFixed(2);
}

function mebibytes(kibibytes) {
  return kibibytes === undefined ? MISSING : groupDigits(Math.round(kibibytes / KIB_PER_MIB));
}

function count(value) {
  return value === undefined ? MISSING : groupDigits(value);
}

/** repopack ÷ Repomix as "0.42x"; a missing side gives "-". */
export function formatRatio(numerator, denominator) {
  if (numerator === undefined || denominator === undefined || denominator === 0) return MISSING;
  const ratio = numerator / denominator;
  return `${ratio >= 10 ? ratio.toFixed(1) : ratio >= 0.1 ? ratio.toFixed(2) : ratio.toFixed(3)}x`;
}

/**
 * @typedef {{ wallMs: number, cpuMs: number, peakRssKiB: number }} Summary
 * @typedef {{ name: string, cold?: Summary, warm?: Summary, output?: { bytes: number, tokens?: number }, error?: string }} ToolResult
 * @typedef {{ label: string, files: number, tools: ToolResult[] }} TargetResult
 */

function toolRows(target, tool) {
  if (tool.error) return [[target.label, count(target.files), tool.name, 'failed', MISSING, MISSING, MISSING, MISSING, MISSING]];
  return ['cold', 'warm'].map((mode) => {
    const summary = tool[mode];
    return [
      target.label,
      count(target.files),
      tool.name,
      mode,
      seconds(summary?.wallMs),
      seconds(summary?.cpuMs),
      mebibytes(summary?.peakRssKiB),
      count(tool.output?.tokens),
      count(tool.output?.bytes),
    ];
  });
}

function ratioRows(target, ours, theirs) {
  if (!ours || !theirs || ours.error || theirs.error) return [];
  return ['cold', 'warm'].map((mode) => [
    target.label,
    '',
    `${ours.name}/${theirs.name}`,
    mode,
    formatRatio(ours[mode]?.wallMs, theirs[mode]?.wallMs),
    formatRatio(ours[mode]?.cpuMs, theirs[mode]?.cpuMs),
    formatRatio(ours[mode]?.peakRssKiB, theirs[mode]?.peakRssKiB),
    formatRatio(ours.output?.tokens, theirs.output?.tokens),
    formatRatio(ours.output?.bytes, theirs.output?.bytes),
  ]);
}

/** Rows of one target: each tool's cold and warm rows, then the ratio of the first tool to the second. */
export function targetRows(target) {
  const rows = target.tools.flatMap((tool) => toolRows(target, tool));
  // Extra rows (the snapshot) are not one side of the repopack/Repomix comparison.
  const compared = target.tools.filter((tool) => tool.compared !== false);
  return [...rows, ...ratioRows(target, compared[0], compared[1])];
}

function pad(cell, width, column) {
  return NUMERIC_COLUMNS.has(column) ? cell.padStart(width) : cell.padEnd(width);
}

/**
 * Lay out all targets as one table with a header and a rule under it.
 * @param {readonly TargetResult[]} targets
 */
export function formatTable(targets) {
  const rows = [HEADERS, ...targets.flatMap(targetRows)];
  const widths = HEADERS.map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const lines = rows.map((row) => row.map((cell, column) => pad(cell, widths[column], column)).join('  ').trimEnd());
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [lines[0], rule, ...lines.slice(1)].join('\n');
}

/** Lines naming each failure in full, printed under the table. */
export function formatFailures(targets) {
  return targets.flatMap((target) =>
    target.tools.filter((tool) => tool.error).map((tool) => `${target.label}: ${tool.name} failed: ${tool.error}`),
  );
}
