/**
 * The json style: one JSON object, `{"repopack":{…},"tree":"…","files":[null,{…},…]}`, built as text so its parts
 * can be rendered and priced one by one. A section cannot know whether it is the first, so every section starts
 * with a comma and the tree part ends the array's opening with a `null` placeholder: **`files[0]` is always `null`**;
 * readers skip it. Strings go through `JSON.stringify`, so any content, lone surrogates included, parses back exactly.
 */
import { directoryTreeLines } from './directory-tree.js';
import { LEVEL_LEGEND, summarySentence } from './header-text.js';
import type { BundleHeader, SectionEntry, StyleRenderer, TreeInput } from './render-types.js';

function preamble(header: BundleHeader): string {
  const repopack = {
    about: summarySentence(header),
    root: header.rootName,
    tokenizer: header.tokenizer,
    budget: header.budget,
    tokens: header.tokens,
    fileCount: header.fileCount,
    levels: LEVEL_LEGEND,
    ...(header.part === undefined ? {} : { part: header.part }),
    ...(header.headerText === undefined || header.headerText === '' ? {} : { headerText: header.headerText }),
  };
  return `{"repopack":${JSON.stringify(repopack)},\n`;
}

function tree(input: TreeInput): string {
  if (input.hidden === true) return '"files":[null\n';
  const text = directoryTreeLines(input)
    .map((line) => `${line}\n`)
    .join('');
  return `"tree":${JSON.stringify(text)},\n"files":[null\n`;
}

function section(entry: SectionEntry): string {
  const { level, note, text } = entry.variant;
  // Absent note or language are left out rather than written as null: fewer tokens, same information.
  const file = { path: entry.path, level, note, language: entry.language, content: text };
  return `,${JSON.stringify(file)}\n`;
}

/** Renders the json style's parts. */
export const jsonStyle: StyleRenderer = {
  preamble,
  tree,
  section,
  closing: (instructions) => (instructions === undefined ? ']}\n' : `],\n"instructions":${JSON.stringify(instructions)}}\n`),
};
