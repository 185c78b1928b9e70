/**
 * Markdown → headings and paragraphs, line by line after CommonMark's block rules: fenced and indented code,
 * HTML comments and front matter are skipped, so a `# comment` inside a code fence is never a heading.
 */
import { type DocBlock, ParagraphCollector } from './doc-blocks.js';
import { indentOf } from './summary-text.js';

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
/** Fences are accepted at any indentation: inside list items they are commonly indented past CommonMark's 3. */
const FENCE_OPEN = /^[ \t]*(`{3,}|~{3,})(.*)$/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
/** Paragraph starts after which `---` is a thematic break, not a setext underline (lists, quotes, tables). */
const NOT_SETEXT_CONTENT = /^ {0,3}([-*+>|]|\d{1,9}[.)])(\s|$)/;
/** CommonMark: four spaces of indentation start an indented code block (when no paragraph is open). */
const INDENTED_CODE_COLUMNS = 4;

/** One badge, image or HTML tag: `[![CI](badge.svg)](ci)`, `![logo](logo.png)`, `<p align="center">`. */
const DECORATION = String.raw`(\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)|!\[[^\]]*\]\([^)]*\)|<[^>]*>)`;
/** A line of decorations only; a paragraph of such lines says nothing about its section. */
const DECORATION_LINE = new RegExp(`^[ \\t]*(${DECORATION}[ \\t]*)+$`);

/** Headings and paragraphs of a markdown document in source order. */
export function markdownBlocks(lines: readonly string[]): DocBlock[] {
  const collector = new ParagraphCollector((paragraph) => !paragraph.every((line) => DECORATION_LINE.test(line)));
  let index = skipFrontMatter(lines);
  while (index < lines.length) {
    index = scanLine(lines, index, collector);
  }
  return collector.finish();
}

/** Consumes the block starting at `index`; returns the index of the next unread line. */
function scanLine(lines: readonly string[], index: number, collector: ParagraphCollector): number {
  const line = lines[index] ?? '';
  const fence = FENCE_OPEN.exec(line);
  if (fence && !(fence[1]?.startsWith('`') && fence[2]?.includes('`'))) {
    collector.flush();
    return skipFence(lines, index, fence[1] ?? '```');
  }
  if (line.trim() === '') {
    collector.flush();
    return index + 1;
  }
  if (/^ {0,3}<!--/.test(line)) {
    collector.flush();
    return skipHtmlComment(lines, index);
  }
  const atx = ATX_HEADING.exec(line);
  if (atx) {
    const marker = atx[1] ?? '#';
    collector.heading({ lines: [line.trimEnd()], marker, title: (atx[2] ?? '').trim(), startLine: index + 1 });
    return index + 1;
  }
  if (collector.isOpen) return continueParagraph(line, index, collector);
  if (indentOf(line) >= INDENTED_CODE_COLUMNS || THEMATIC_BREAK.test(line)) return index + 1;
  collector.add(line);
  return index + 1;
}

/** A line after open paragraph text: a setext underline turns the paragraph into a heading. */
function continueParagraph(line: string, index: number, collector: ParagraphCollector): number {
  const underline = SETEXT_UNDERLINE.exec(line);
  if (underline && !NOT_SETEXT_CONTENT.test(collector.firstLine)) {
    const titleLines = collector.take();
    const marker = underline[1]?.startsWith('=') ? '#' : '##';
    const title = titleLines.map((text) => text.trim()).join(' ');
    const startLine = index + 1 - titleLines.length;
    collector.heading({ lines: [...titleLines, line.trimEnd()], marker, title, startLine });
    return index + 1;
  }
  if (THEMATIC_BREAK.test(line)) {
    collector.flush();
    return index + 1;
  }
  collector.add(line);
  return index + 1;
}

/** Index of the line after the fence opened at `start`; an unclosed fence runs to the end (CommonMark). */
function skipFence(lines: readonly string[], start: number, opener: string): number {
  const fenceChar = opener.charAt(0);
  for (let index = start + 1; index < lines.length; index++) {
    const close = /^[ \t]*(`{3,}|~{3,})[ \t]*$/.exec(lines[index] ?? '');
    if (close?.[1]?.charAt(0) === fenceChar && close[1].length >= opener.length) return index + 1;
  }
  return lines.length;
}

function skipHtmlComment(lines: readonly string[], start: number): number {
  for (let index = start; index < lines.length; index++) {
    if (lines[index]?.includes('-->')) return index + 1;
  }
  return lines.length;
}

/** Index of the first line after YAML (`---`) or TOML (`+++`) front matter; 0 when there is none. */
function skipFrontMatter(lines: readonly string[]): number {
  const first = lines[0]?.trimEnd();
  if (first !== '---' && first !== '+++') return 0;
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index]?.trimEnd();
    if (line === first || (first === '---' && line === '...')) return index + 1;
  }
  return 0;
}
