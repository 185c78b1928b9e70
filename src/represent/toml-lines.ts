/**
 * TOML and INI skeletons without a parser. Tables and sections are always kept; long multi-line arrays, INI
 * continuation runs and repeated `[[array-of-tables]]` keep their first {@link CONFIG_SAMPLE_ITEMS} entries and a
 * `# … N more` comment; long values are cut.
 */
import { CUT_MARK, countOf, indentOf, truncateText } from './summary-text.js';
import { CONFIG_LINE_MAX_CHARS } from './yaml-lines.js';

/** Entries kept from a multi-line array, an INI continuation run, or a run of repeated `[[tables]]`. */
export const CONFIG_SAMPLE_ITEMS = 3;

const TABLE_HEADER = /^[ \t]*(\[\[?)[ \t]*([^\][]+?)[ \t]*\]\]?[ \t]*([#;].*)?$/;
const KEY_VALUE = /^[ \t]*[^\s=#;[][^=]*=[ \t]*(.*)$/;
/** INI also accepts `key: value`. */
export const INI_KEY_VALUE = /^[ \t]*[^\s=:#;[][^=:]*[=:][ \t]*(.*)$/;

/** Skeleton lines of a TOML document. */
export function tomlSkeleton(lines: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Map<string, number>();
  let dropping: { name: string; count: number } | undefined;
  for (let index = 0; index < lines.length; ) {
    const line = lines[index] ?? '';
    const header = TABLE_HEADER.exec(line);
    if (header) {
      const name = header[2] ?? '';
      const isArray = header[1] === '[[';
      if (dropping && isArray && name === dropping.name) dropping.count += 1;
      if (dropping && (name === dropping.name || name.startsWith(`${dropping.name}.`))) {
        index += 1;
        continue;
      }
      if (dropping) out.push(`# ${CUT_MARK} ${countOf(dropping.count, `more [[${dropping.name}]] table`)}`, '');
      const count = isArray ? (seen.get(name) ?? 0) + 1 : 0;
      seen.set(name, count);
      dropping = count > CONFIG_SAMPLE_ITEMS ? { name, count: 1 } : undefined;
    }
    index = dropping ? index + 1 : emitTomlLine(lines, index, out);
  }
  if (dropping) out.push(`# ${CUT_MARK} ${countOf(dropping.count, `more [[${dropping.name}]] table`)}`);
  return trimBlankRuns(out);
}

/** Emits one line, or a whole multi-line array or string; returns the next index. */
function emitTomlLine(lines: readonly string[], index: number, out: string[]): number {
  const line = lines[index] ?? '';
  const value = KEY_VALUE.exec(line)?.[1] ?? '';
  const quote = /^("""|''')/.exec(value)?.[1];
  if (quote !== undefined && value.indexOf(quote, 3) === -1) {
    const close = findLine(lines, index + 1, (text) => text.includes(quote));
    // Inside a string every line is text, so the marker is text too, not a comment.
    const marker = (rest: number): string => `${CUT_MARK} ${countOf(rest, 'more line')}`;
    return emitSampled(lines, { start: index, close, hasCloser: true, isContent: isNonBlank, out, marker });
  }
  let balance = bracketBalance(value);
  if (balance > 0) {
    const close = findLine(lines, index + 1, (text) => (balance += bracketBalance(text)) <= 0);
    const marker = (rest: number): string => `# ${CUT_MARK} ${countOf(rest, 'more item')}`;
    return emitSampled(lines, { start: index, close, hasCloser: true, isContent: isEntry, out, marker });
  }
  out.push(truncateText(line.trimEnd(), CONFIG_LINE_MAX_CHARS));
  return index + 1;
}

interface SampledRun {
  /** Index of the opening line. */
  readonly start: number;
  /** Index of the closing line, or of the line after the run when there is no closer; `lines.length` when unclosed. */
  readonly close: number;
  readonly hasCloser: boolean;
  /** Which inner lines count as entries (comments do not in an array, do in a string). */
  readonly isContent: (line: string) => boolean;
  readonly out: string[];
  readonly marker: (rest: number) => string;
}

/** Opening line, the first sampled entries, a marker for the rest, the closing line; returns the next index. */
function emitSampled(lines: readonly string[], run: SampledRun): number {
  const inner = lines.slice(run.start + 1, run.close);
  const content = inner.filter(run.isContent);
  // Cutting a single entry would replace one line by a marker line: no saving, less information.
  const isCut = content.length > CONFIG_SAMPLE_ITEMS + 1;
  const kept = isCut ? content.slice(0, CONFIG_SAMPLE_ITEMS) : inner;
  run.out.push(truncateText((lines[run.start] ?? '').trimEnd(), CONFIG_LINE_MAX_CHARS));
  for (const line of kept) run.out.push(truncateText(line.trimEnd(), CONFIG_LINE_MAX_CHARS));
  if (isCut) run.out.push(' '.repeat(indentOf(kept[0] ?? '')) + run.marker(content.length - kept.length));
  if (!run.hasCloser) return run.close;
  if (run.close < lines.length) run.out.push(truncateText((lines[run.close] ?? '').trimEnd(), CONFIG_LINE_MAX_CHARS));
  return run.close + 1;
}

/** Skeleton lines of an INI file: sections and keys kept, long continuation runs sampled. */
export function iniSkeleton(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (let index = 0; index < lines.length; ) {
    const line = lines[index] ?? '';
    const endsRun = (text: string): boolean => indentOf(text) === 0 || text.trim() === '';
    const close = INI_KEY_VALUE.test(line) ? findLine(lines, index + 1, endsRun) : index + 1;
    if (close > index + 1) {
      const marker = (rest: number): string => `# ${CUT_MARK} ${countOf(rest, 'more line')}`;
      index = emitSampled(lines, { start: index, close, hasCloser: false, isContent: isEntry, out, marker });
    } else {
      out.push(truncateText(line.trimEnd(), CONFIG_LINE_MAX_CHARS));
      index += 1;
    }
  }
  return trimBlankRuns(out);
}

/**
 * `L12 [section]` per table or section, and `L3 key = value` for keys before the first one. A repeated
 * `[[table]]` is listed once with its count; its repeated sub-tables are not listed again.
 */
export function tableOutline(lines: readonly string[], keyValue: RegExp = KEY_VALUE): string[] {
  const counts = new Map<string, number>();
  for (const line of lines) {
    const name = TABLE_HEADER.exec(line)?.[2];
    if (name !== undefined) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const outline: string[] = [];
  const listed = new Set<string>();
  lines.forEach((line, index) => {
    const header = TABLE_HEADER.exec(line);
    if (!header) {
      if (listed.size === 0 && indentOf(line) === 0 && keyValue.test(line)) {
        outline.push(`L${index + 1} ${truncateText(line.trim(), CONFIG_LINE_MAX_CHARS)}`);
      }
      return;
    }
    const name = header[2] ?? '';
    if (listed.has(name)) return;
    listed.add(name);
    const isArray = header[1] === '[[';
    const repeats = counts.get(name) ?? 1;
    const suffix = isArray && repeats > 1 ? ` (${countOf(repeats, 'table')})` : '';
    outline.push(`L${index + 1} ${isArray ? `[[${name}]]` : `[${name}]`}${suffix}`);
  });
  return outline;
}

function isNonBlank(line: string): boolean {
  return line.trim() !== '';
}

/** A non-blank line that is not a `#` or `;` comment. */
function isEntry(line: string): boolean {
  return line.trim() !== '' && !/^[ \t]*[#;]/.test(line);
}

/** Net `[`/`{` minus `]`/`}` outside strings, up to a comment. */
function bracketBalance(text: string): number {
  let balance = 0;
  let quote = '';
  for (let index = 0; index < text.length; index++) {
    const char = text.charAt(index);
    if (quote !== '') {
      if (char === '\\' && quote === '"') index++;
      else if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '#') break;
    else if (char === '[' || char === '{') balance++;
    else if (char === ']' || char === '}') balance--;
  }
  return balance;
}

/** Index of the first line from `start` for which `matches` holds; `lines.length` when none does. */
function findLine(lines: readonly string[], start: number, matches: (line: string) => boolean): number {
  for (let index = start; index < lines.length; index++) if (matches(lines[index] ?? '')) return index;
  return lines.length;
}

/** Collapses runs of blank lines to one and drops leading and trailing blanks. */
function trimBlankRuns(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    if (line.trim() === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(line.trim() === '' ? '' : line);
  }
  while (out[out.length - 1] === '') out.pop();
  return out;
}
