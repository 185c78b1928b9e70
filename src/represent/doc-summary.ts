/**
 * Prose documents (markdown, rst, asciidoc) → `skeleton` (every heading with the first paragraph under it) and
 * `outline` (headings with their line numbers). Pure.
 */
import { asciidocBlocks } from './asciidoc-blocks.js';
import type { DocBlock, HeadingBlock } from './doc-blocks.js';
import { markdownBlocks } from './markdown-blocks.js';
import { rstBlocks } from './rst-blocks.js';
import { type Summary, countLines, formatCount, splitLines, truncateText } from './summary-text.js';

/**
 * Longest first paragraph kept under a heading, in characters. 400 is about 100 tokens: enough for the sentence
 * or two that says what a section is about, small enough that a long README shrinks to a tenth.
 */
export const FIRST_PARAGRAPH_MAX_CHARS = 400;

/** Document languages this module summarises. */
export type DocumentLanguage = 'markdown' | 'rst' | 'asciidoc';

/** Whether `language` names a prose format {@link summarizeProse} understands. */
export function isDocumentLanguage(language: string | undefined): language is DocumentLanguage {
  return language === 'markdown' || language === 'rst' || language === 'asciidoc';
}

/** Skeleton and outline of a prose document, richest first; empty views are left out. */
export function summarizeProse(language: DocumentLanguage, text: string): Summary[] {
  const blocks = blocksOf(language, splitLines(text));
  const lines = formatCount(countLines(text));
  const summaries: Summary[] = [];
  const skeleton = renderSkeleton(blocks);
  if (skeleton !== '') {
    summaries.push({ level: 'skeleton', text: skeleton, note: `headings and first paragraphs of ${lines} lines` });
  }
  const outline = renderOutline(blocks);
  if (outline !== '') summaries.push({ level: 'outline', text: outline, note: `headings of ${lines} lines` });
  return summaries;
}

function blocksOf(language: DocumentLanguage, lines: readonly string[]): DocBlock[] {
  switch (language) {
    case 'markdown':
      return markdownBlocks(lines);
    case 'rst':
      return rstBlocks(lines);
    case 'asciidoc':
      return asciidocBlocks(lines);
  }
}

/** Every heading as written, each followed by the first paragraph of its section (cut when long). */
function renderSkeleton(blocks: readonly DocBlock[]): string {
  const parts: string[] = [];
  let hasParagraph = false;
  for (const block of blocks) {
    if (block.kind === 'heading') {
      parts.push(block.lines.join('\n'));
      hasParagraph = false;
    } else if (!hasParagraph) {
      parts.push(truncateText(block.lines.join('\n'), FIRST_PARAGRAPH_MAX_CHARS));
      hasParagraph = true;
    }
  }
  return parts.length === 0 ? '' : parts.join('\n\n') + '\n';
}

/** `L12 ## Install`: one line per heading. */
function renderOutline(blocks: readonly DocBlock[]): string {
  const headings = blocks.filter((block): block is HeadingBlock => block.kind === 'heading');
  if (headings.length === 0) return '';
  const lines = headings.map((heading) => `L${heading.startLine} ${heading.marker} ${heading.title}`.trimEnd());
  return lines.join('\n') + '\n';
}
