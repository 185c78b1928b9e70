/**
 * `--line-numbers`: each shown line prefixed with its line number in the file on disk, so a model can cite
 * `src/a.ts:42`. Only levels whose lines are the file's own lines in order get numbers: `full` (every line) and
 * `head` (the first lines). `stripped`, `skeleton` and `outline` drop or merge lines, so numbers counted from their
 * text would point at the wrong lines; the outline already names each definition's line.
 */
import type { Variant } from '../shared/types.js';

/** Levels whose text is the file's first N lines, unchanged. */
const NUMBERED_LEVELS: ReadonlySet<Variant['level']> = new Set(['full', 'head']);

/**
 * `a\nb\n` → `1: a\n2: b\n`. Numbers are right-aligned to the widest one; the empty tail after a final line feed
 * gets no number.
 */
export function numberLines(text: string): string {
  if (text === '') return text;
  const lines = text.split('\n');
  const hasFinalBreak = lines[lines.length - 1] === '';
  if (hasFinalBreak) lines.pop();
  const width = String(lines.length).length;
  const numbered = lines.map((line, index) => `${String(index + 1).padStart(width, ' ')}: ${line}`);
  return numbered.join('\n') + (hasFinalBreak ? '\n' : '');
}

/** The variants with numbered text where the level keeps the file's lines; tokens re-estimated with `estimate`. */
export function withLineNumbers(variants: readonly Variant[], estimate: (text: string) => number): Variant[] {
  return variants.map((variant) => {
    if (variant.level === 'path' || !NUMBERED_LEVELS.has(variant.level)) return variant;
    const text = numberLines(variant.text);
    return { ...variant, text, tokens: estimate(text) };
  });
}
