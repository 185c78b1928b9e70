/**
 * The plain style: the header as text, then blocks `===== title =====` … `=====` for the tree and for each shown
 * entry (`===== path (level; note) =====`). Each block's `=` run outgrows the `=` runs that start its lines (see
 * `escape-plain.ts`); content gets a final line feed when it lacks one (see `final-newline.ts`).
 */
import { displayText } from './display-text.js';
import { directoryTreeLines } from './directory-tree.js';
import { delimiterFor } from './escape-plain.js';
import { withFinalNewline } from './final-newline.js';
import { headerTextLines, legendSentence, summarySentence } from './header-text.js';
import type { BundleHeader, SectionEntry, StyleRenderer, TreeInput } from './render-types.js';

function block(title: string, body: string): string {
  const delimiter = delimiterFor(body);
  return `${delimiter} ${title} ${delimiter}\n${body}${delimiter}\n`;
}

function preamble(header: BundleHeader): string {
  const extra = headerTextLines(header);
  return `Repository ${displayText(header.rootName)}\n${summarySentence(header)}\n${legendSentence()}\n${extra === '' ? '' : `\n${extra}`}`;
}

function tree(input: TreeInput): string {
  if (input.hidden === true) return '';
  const body = directoryTreeLines(input)
    .map((line) => `${line}\n`)
    .join('');
  return block('tree', body);
}

function section(entry: SectionEntry): string {
  const { level, note, text } = entry.variant;
  const label = note === undefined ? level : `${level}; ${displayText(note)}`;
  return block(`${displayText(entry.path)} (${label})`, withFinalNewline(text));
}

/** Renders the plain style's parts. */
export const plainStyle: StyleRenderer = {
  preamble,
  tree,
  section,
  closing: (instructions) => (instructions === undefined ? '' : block('instructions', withFinalNewline(instructions))),
};
