/**
 * Runs of top-level statements that declare nothing (a test input's expressions, a script's calls, the hundredth
 * generated `impl` block of one shape) are replaced in a skeleton by one comment naming their lines. A skeleton is
 * about what a file declares; Biome's JavaScript and TypeScript test inputs are mostly statement lists, and its
 * generated formatter files repeat three impl shapes a thousand times.
 */
import type { Node } from 'web-tree-sitter';
import type { LanguageRules } from './language-rules.js';
import type { Span } from './syntax-scan.js';

/**
 * A run shorter than this many characters stays: its comment marker (`/* 12-14 *\/`, about 7 tokens) would save
 * little, and a one-line statement between declarations is often the line that wires them together.
 */
export const MIN_RUN_CHARS = 40;

/** A run of sibling statements a skeleton replaces by one comment line. */
export interface StatementRun extends Span {
  /** 0-based rows of the first and last statement. */
  readonly startRow: number;
  readonly endRow: number;
}

/** Top-level runs of statements the rules call elidable, in source order. */
export function statementRuns(root: Node, rules: LanguageRules, source: string): StatementRun[] {
  const isElidable = rules.runStatement;
  if (!isElidable) return [];
  const shapes = new Map<string, number>();
  const runs: StatementRun[] = [];
  let first: Node | undefined;
  let last: Node | undefined;
  let hasError = false;
  const close = (): void => {
    // A run with a syntax error goes whatever its length: kept, it would fail the skeleton's re-parse.
    const isLong = first && last && (hasError || last.endIndex - first.startIndex >= MIN_RUN_CHARS);
    if (first && last && isLong && isWholeLines(first, last, source)) {
      runs.push({ start: first.startIndex, end: last.endIndex, startRow: first.startPosition.row, endRow: last.endPosition.row });
    }
    first = undefined;
    last = undefined;
    hasError = false;
  };
  for (const child of root.namedChildren) {
    if (!child) continue;
    if (rules.comments.has(child.type)) continue;
    if (isElidable(child, shapes)) {
      first ??= child;
      last = child;
      hasError ||= child.hasError;
    } else close();
  }
  close();
  return runs;
}

/** The run starts a line and ends one, so the comment replacing it stands on lines of its own. */
function isWholeLines(first: Node, last: Node, source: string): boolean {
  const lineStart = source.lastIndexOf('\n', first.startIndex - 1) + 1;
  if (source.slice(lineStart, first.startIndex).trim() !== '') return false;
  const lineEnd = source.indexOf('\n', last.endIndex);
  return source.slice(last.endIndex, lineEnd < 0 ? source.length : lineEnd).trim() === '';
}

/**
 * How many items of one shape stay whole before the rest count as repetition: two show the pattern (and a
 * third would rarely add to it). Generated Rust repeats each shape hundreds of times.
 */
export const SHAPE_REPEATS_KEPT = 2;

/** Words that make up an item's shape rather than name something in it. */
const SHAPE_KEYWORDS = new Set(['impl', 'for', 'fn', 'type', 'const', 'where', 'mut', 'self', 'Self', 'dyn', 'unsafe', 'async', 'pub']);

/**
 * True when an item has the shape of at least `SHAPE_REPEATS_KEPT` items before it: its text with every identifier
 * (but keywords) and literal replaced, whitespace and trailing commas ignored (formatters differ in both). Counts
 * the item as seen.
 */
export function isRepeatedShape(node: Node, shapes: Map<string, number>): boolean {
  const shape = node.text
    .replace(/[A-Za-z_][A-Za-z0-9_]*|"(?:[^"\\]|\\.)*"|\d+/g, (word) => (SHAPE_KEYWORDS.has(word) ? word : 'x'))
    .replace(/\s+/g, '')
    .replace(/,(?=[>)\]}])/g, '');
  const seen = shapes.get(shape) ?? 0;
  shapes.set(shape, seen + 1);
  return seen >= SHAPE_REPEATS_KEPT;
}
