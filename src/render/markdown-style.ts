/**
 * The markdown style: a `#` title with the header text, the tree in a fenced block under `## Tree`, then one
 * `### path (level; note)` heading and fenced block per shown entry. Fences outgrow any backtick run in what they
 * hold (see `escape-markdown.ts`); content gets a final line feed when it lacks one (see `final-newline.ts`).
 */
import { displayText } from './display-text.js';
import { directoryTreeLines } from './directory-tree.js';
import { fenceFor, fenceInfo } from './escape-markdown.js';
import { withFinalNewline } from './final-newline.js';
import { headerTextLines, legendSentence, summarySentence } from './header-text.js';
import type { BundleHeader, SectionEntry, StyleRenderer, TreeInput } from './render-types.js';

function fenced(body: string, info: string): string {
  const fence = fenceFor(body);
  return `${fence}${info}\n${body}${fence}\n`;
}

function preamble(header: BundleHeader): string {
  const extra = headerTextLines(header);
  return `# Repository ${displayText(header.rootName)}\n${summarySentence(header)}\n${legendSentence()}\n${extra === '' ? '' : `\n${extra}`}`;
}

function tree(input: TreeInput): string {
  if (input.hidden === true) return '## Files\n';
  const body = directoryTreeLines(input)
    .map((line) => `${line}\n`)
    .join('');
  return `## Tree\n${fenced(body, '')}## Files\n`;
}

function section(entry: SectionEntry): string {
  const { level, note, text } = entry.variant;
  const label = note === undefined ? level : `${level}; ${displayText(note)}`;
  return `### ${displayText(entry.path)} (${label})\n${fenced(withFinalNewline(text), fenceInfo(entry.language))}`;
}

/** Renders the markdown style's parts. */
export const markdownStyle: StyleRenderer = {
  preamble,
  tree,
  section,
  closing: (instructions) => (instructions === undefined ? '' : `## Instructions\n${withFinalNewline(instructions)}`),
};
