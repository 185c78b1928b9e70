/**
 * The xml style (default): `<repository name>` holding `<header>`, `<tree>` and `<files>` with one `<file>` per
 * shown entry. The tree part opens `<files>` and the closing part ends it, so sections need no knowledge of their
 * neighbours. Content sits in CDATA, unchanged except for characters XML 1.0 forbids (see `escape-xml.ts`).
 */
import { directoryTreeLines } from './directory-tree.js';
import { withFinalNewline } from './final-newline.js';
import { escapeXmlAttribute, escapeXmlText, xmlCdata } from './escape-xml.js';
import { headerTextLines, legendSentence, summarySentence } from './header-text.js';
import type { BundleHeader, SectionEntry, StyleRenderer, TreeInput } from './render-types.js';

function preamble(header: BundleHeader): string {
  return (
    `<repository name="${escapeXmlAttribute(header.rootName)}">\n<header>\n` +
    `${escapeXmlText(summarySentence(header))}\n${escapeXmlText(legendSentence())}\n` +
    `${escapeXmlText(headerTextLines(header))}</header>\n`
  );
}

function tree(input: TreeInput): string {
  if (input.hidden === true) return '<files>\n';
  const body = directoryTreeLines(input)
    .map((line) => `${escapeXmlText(line)}\n`)
    .join('');
  return `<tree>\n${body}</tree>\n<files>\n`;
}

function section(entry: SectionEntry): string {
  const { level, note, text } = entry.variant;
  const noteAttribute = note === undefined ? '' : ` note="${escapeXmlAttribute(note)}"`;
  return `<file path="${escapeXmlAttribute(entry.path)}" level="${level}"${noteAttribute}>\n${xmlCdata(text)}\n</file>\n`;
}

/** Renders the xml style's parts. */
export const xmlStyle: StyleRenderer = {
  preamble,
  tree,
  section,
  closing: (instructions) =>
    instructions === undefined
      ? '</files>\n</repository>\n'
      : `</files>\n<instructions>\n${escapeXmlText(withFinalNewline(instructions))}</instructions>\n</repository>\n`,
};
