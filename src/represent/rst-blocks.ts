/**
 * reStructuredText → headings and paragraphs. Section titles are underlined (optionally overlined) with a repeated
 * punctuation character; their level is the order in which each adornment style first appears, as docutils does.
 * Indented text (literal blocks, block quotes, directive bodies) and `..` directives are never paragraphs.
 */
import { type DocBlock, ParagraphCollector } from './doc-blocks.js';
import { indentOf } from './summary-text.js';

/** A line made of one repeated ASCII punctuation character, the only kind of rst adornment. */
const ADORNMENT = /^([!-/:-@[-`{-~])\1*[ \t]*$/;
/** docutils accepts an underline shorter than its title from this length on (with a warning). */
const MIN_SHORT_UNDERLINE = 4;

interface Adorned {
  readonly title: string;
  /** Style key: adornment character, prefixed with `^` when overlined (a distinct level in rst). */
  readonly style: string;
  readonly lineCount: number;
}

/** Headings and paragraphs of an rst document in source order. */
export function rstBlocks(lines: readonly string[]): DocBlock[] {
  const collector = new ParagraphCollector();
  const levels = new Map<string, number>();
  for (let index = 0; index < lines.length; ) {
    const line = lines[index] ?? '';
    const adorned = collector.isOpen ? undefined : readTitle(lines, index);
    if (adorned) {
      const level = levels.get(adorned.style) ?? levels.size + 1;
      levels.set(adorned.style, level);
      const headingLines = lines.slice(index, index + adorned.lineCount).map((text) => text.trimEnd());
      const startLine = index + (adorned.style.startsWith('^') ? 2 : 1);
      collector.heading({ lines: headingLines, marker: '#'.repeat(level), title: adorned.title, startLine });
      index += adorned.lineCount;
      continue;
    }
    if (line.trim() === '' || ADORNMENT.test(line)) collector.flush();
    else if (collector.isOpen) collector.add(line);
    else if (indentOf(line) === 0 && !isDirective(line)) collector.add(line);
    index += 1;
  }
  return collector.finish();
}

/** The section title starting at `index`, if the lines there are an (over- and) underlined title. */
function readTitle(lines: readonly string[], index: number): Adorned | undefined {
  const first = lines[index] ?? '';
  const second = lines[index + 1] ?? '';
  if (ADORNMENT.test(first) && first.trim().length >= 2) {
    const third = (lines[index + 2] ?? '').trimEnd();
    const title = second.trim();
    if (title === '' || ADORNMENT.test(second) || third !== first.trimEnd()) return undefined;
    return { title, style: `^${first.charAt(0)}`, lineCount: 3 };
  }
  if (first.trim() === '' || indentOf(first) > 0 || ADORNMENT.test(first) || isDirective(first)) return undefined;
  if (!ADORNMENT.test(second)) return undefined;
  const title = first.trim();
  const underline = second.trimEnd().length;
  if (underline < title.length && underline < MIN_SHORT_UNDERLINE) return undefined;
  return { title, style: second.charAt(0), lineCount: 2 };
}

/** `.. image::`, `.. _target:`, `.. comment` and a bare `..` all start explicit markup, not prose. */
function isDirective(line: string): boolean {
  return /^\.\.(\s|$)/.test(line);
}
