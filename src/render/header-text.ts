/** The words every style's header shares: what the bundle is, its numbers, and the legend of levels. */
import type { Level } from '../shared/types.js';
import { formatCount } from './format-count.js';
import type { BundleHeader } from './render-types.js';

/** What each level means, in the order of `LEVELS` (richest first). */
export const LEVEL_LEGEND: Readonly<Record<Level, string>> = {
  full: 'whole file',
  stripped: 'comments and blank-line runs removed',
  skeleton: 'signatures and declarations, bodies elided',
  outline: 'one line per definition',
  head: 'first lines only, the rest cut',
  path: 'listed in the tree only (unmarked there)',
};

/** One sentence saying what the bundle is, e.g. `… 12,345 of 200,000 tokens (o200k), 42 files.` */
export function summarySentence(header: BundleHeader): string {
  const files = header.fileCount === 1 ? 'file' : 'files';
  return (
    `This repository was packed by repopack to fit a token budget: ${formatCount(header.tokens)} of ` +
    `${formatCount(header.budget)} tokens (${header.tokenizer}), ${formatCount(header.fileCount)} ${files}.` +
    partSentence(header)
  );
}

/** ` This is part 2 of 3.` for one part of a split bundle, else `''`. */
function partSentence(header: BundleHeader): string {
  return header.part === undefined ? '' : ` This is part ${header.part.index} of ${header.part.count}.`;
}

/** The user's `--header-text` with one final line feed, or `''` when there is none. */
export function headerTextLines(header: BundleHeader): string {
  const text = header.headerText ?? '';
  if (text === '') return '';
  return text.endsWith('\n') ? text : `${text}\n`;
}

const LEGEND_SENTENCE = `Levels: ${Object.entries(LEVEL_LEGEND)
  .map(([level, meaning]) => `${level} = ${meaning}`)
  .join('; ')}.`;

/** `Levels: full = whole file; stripped = …; path = …` on one line. */
export function legendSentence(): string {
  return LEGEND_SENTENCE;
}
