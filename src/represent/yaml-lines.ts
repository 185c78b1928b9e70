/**
 * YAML skeleton without a parser: structure is read from indentation. Lines nested deeper than
 * {@link YAML_MAX_DEPTH} levels, sequence items past the first {@link YAML_SEQUENCE_SAMPLE_ITEMS} and block scalar
 * lines past the first {@link YAML_BLOCK_SCALAR_LINES} are replaced by one marker line each.
 */
import { CUT_MARK, countOf, indentOf, truncateText } from './summary-text.js';

/**
 * Indentation levels kept (depth 0 to 4). Block sequences spend a level on their dashes, so a CI workflow's
 * `jobs → build → steps → - with → key` needs five; a compose file's `services → web → environment → - KEY`
 * fits with one to spare.
 */
export const YAML_MAX_DEPTH = 5;
/** Items kept from each sequence: enough to show the item shape and a little variety. */
export const YAML_SEQUENCE_SAMPLE_ITEMS = 3;
/** Lines kept from each `|`/`>` block scalar (scripts, embedded documents). */
export const YAML_BLOCK_SCALAR_LINES = 3;
/** Longest line kept, in characters; longer scalars are cut with `…`. */
export const CONFIG_LINE_MAX_CHARS = 160;

const SEQUENCE_ITEM = /^[ \t]*-([ \t]|$)/;
const BLOCK_SCALAR_HEAD = /(:|^[ \t]*-)[ \t]+[|>][-+0-9]*[ \t]*(#.*)?$/;

interface Scan {
  readonly lines: readonly string[];
  /** Columns per nesting level: the smallest indentation used in the file. */
  readonly unit: number;
  readonly out: string[];
}

/** Skeleton lines of a YAML document. */
export function yamlSkeleton(lines: readonly string[]): string[] {
  const scan: Scan = { lines, unit: indentUnit(lines), out: [] };
  emitRange(scan, 0, lines.length);
  while (scan.out[scan.out.length - 1] === '') scan.out.pop();
  return scan.out;
}

/** `L3 services:` for each top-level key (document markers and comments left out). */
export function yamlOutline(lines: readonly string[]): string[] {
  const outline: string[] = [];
  lines.forEach((line, index) => {
    if (/^[^\s#-]/.test(line) && !/^(---|\.\.\.)/.test(line)) {
      outline.push(`L${index + 1} ${truncateText(line.trimEnd(), CONFIG_LINE_MAX_CHARS)}`);
    }
  });
  return outline;
}

function emitRange(scan: Scan, start: number, end: number): void {
  for (let index = start; index < end; ) index = emitLine(scan, index, end);
}

/** Emits the construct starting at `index` (a line, a sequence, a block scalar, a deep run); returns the next index. */
function emitLine(scan: Scan, index: number, end: number): number {
  const line = scan.lines[index] ?? '';
  if (line.trim() === '') {
    if (scan.out.length > 0 && scan.out[scan.out.length - 1] !== '') scan.out.push('');
    return index + 1;
  }
  const indent = indentOf(line);
  const deepIndent = YAML_MAX_DEPTH * scan.unit;
  if (indent >= deepIndent) {
    const next = endOfBlock(scan.lines, index, end, deepIndent - 1);
    const count = countContent(scan.lines, index, next);
    scan.out.push(`${' '.repeat(deepIndent)}# ${CUT_MARK} ${countOf(count, 'deeper line')}`);
    return next;
  }
  if (SEQUENCE_ITEM.test(line)) return emitSequence(scan, index, end);
  scan.out.push(truncateText(line.trimEnd(), CONFIG_LINE_MAX_CHARS));
  return BLOCK_SCALAR_HEAD.test(line) ? emitBlockScalar(scan, index + 1, end, indent) : index + 1;
}

/** The sequence whose first item is at `start`: sampled items, then `# … N more items`; returns the next index. */
function emitSequence(scan: Scan, start: number, end: number): number {
  const indent = indentOf(scan.lines[start] ?? '');
  const isItem = (index: number): boolean =>
    index < end && SEQUENCE_ITEM.test(scan.lines[index] ?? '') && indentOf(scan.lines[index] ?? '') === indent;
  let index = start;
  let items = 0;
  let lastItemEnd = start;
  while (isItem(index)) {
    const itemEnd = endOfBlock(scan.lines, index + 1, end, indent);
    // Comments between items belong to the sequence: they must not end it, nor be lost when it is cut.
    const next = skipBlankAndComments(scan.lines, itemEnd, end);
    items += 1;
    if (items <= YAML_SEQUENCE_SAMPLE_ITEMS) emitItem(scan, index, itemEnd, indent);
    if (items < YAML_SEQUENCE_SAMPLE_ITEMS && isItem(next)) emitRange(scan, itemEnd, next);
    lastItemEnd = itemEnd;
    index = next;
  }
  const rest = items - YAML_SEQUENCE_SAMPLE_ITEMS;
  if (rest > 0) scan.out.push(`${' '.repeat(indent)}# ${CUT_MARK} ${countOf(rest, 'more item')}`);
  return lastItemEnd;
}

/** One sequence item: its `- ` line and the lines nested under it. */
function emitItem(scan: Scan, start: number, end: number, indent: number): void {
  const head = scan.lines[start] ?? '';
  scan.out.push(truncateText(head.trimEnd(), CONFIG_LINE_MAX_CHARS));
  if (BLOCK_SCALAR_HEAD.test(head)) emitBlockScalar(scan, start + 1, end, indent);
  else emitRange(scan, start + 1, end);
}

/** Keeps the first lines of a block scalar body (lines indented past `headIndent`), marks the rest. */
function emitBlockScalar(scan: Scan, start: number, end: number, headIndent: number): number {
  const bodyEnd = endOfBlock(scan.lines, start, end, headIndent);
  const body = scan.lines.slice(start, bodyEnd);
  while (body.length > 0 && (body[body.length - 1] ?? '').trim() === '') body.pop();
  // Cutting a single line would replace it by a marker line: no saving, less information.
  const keep = body.length > YAML_BLOCK_SCALAR_LINES + 1 ? YAML_BLOCK_SCALAR_LINES : body.length;
  for (const line of body.slice(0, keep)) scan.out.push(truncateText(line.trimEnd(), CONFIG_LINE_MAX_CHARS));
  const rest = body.length - keep;
  // Inside a block scalar a `#` is text, so the marker is plain text at the body's indentation.
  if (rest > 0) scan.out.push(`${' '.repeat(indentOf(body[0] ?? ''))}${CUT_MARK} ${countOf(rest, 'more line')}`);
  return bodyEnd;
}

/** First index at or after `start` whose non-blank line is indented `parentIndent` or less. */
function endOfBlock(lines: readonly string[], start: number, end: number, parentIndent: number): number {
  for (let index = start; index < end; index++) {
    const line = lines[index] ?? '';
    if (line.trim() !== '' && indentOf(line) <= parentIndent) return index;
  }
  return end;
}

function skipBlankAndComments(lines: readonly string[], start: number, end: number): number {
  let index = start;
  while (index < end && /^[ \t]*(#|$)/.test(lines[index] ?? '')) index++;
  return index;
}

function countContent(lines: readonly string[], start: number, end: number): number {
  return lines.slice(start, end).filter((line) => line.trim() !== '').length;
}

/** Smallest positive indentation of a content line; 2 when nothing is indented. */
function indentUnit(lines: readonly string[]): number {
  let unit = Number.POSITIVE_INFINITY;
  for (const line of lines) {
    const indent = indentOf(line);
    if (indent > 0 && line.trim() !== '' && !line.trimStart().startsWith('#')) unit = Math.min(unit, indent);
  }
  return Number.isFinite(unit) ? unit : 2;
}
