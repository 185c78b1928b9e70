/**
 * AsciiDoc → headings and paragraphs. Titles are `=` runs (`= Document`, `== Section`; markdown-style `#` is
 * accepted too). Listing, literal, passthrough, comment and table blocks are skipped whole, so their content is
 * never read as a heading; attribute entries, block attributes and block titles are not prose.
 */
import { type DocBlock, ParagraphCollector } from './doc-blocks.js';
import { indentOf } from './summary-text.js';

const HEADING = /^(={1,6}|#{1,6})[ \t]+(\S.*?)[ \t]*$/;
/** Delimiters of blocks whose content is verbatim or hidden: `----` `....` `++++` `////` ``` ``` ``` `|===`. */
const VERBATIM_DELIMITER = /^(-{4,}|\.{4,}|\+{4,}|\/{4,}|[|,:!]={3,})[ \t]*$|^(`{3,})[\w+-]*[ \t]*$/;
/** `:toc:` attribute entries, `[source,java]` block attributes, `.Title` block titles, `// comments`. */
const NOT_PROSE = /^(:[\w-]+!?:|\[.*\]$|\.[^.\s]|\/\/)/;
/** Delimiters of blocks whose content is ordinary prose (example, sidebar, quote, open blocks). */
const PROSE_DELIMITER = /^(={4,}|\*{4,}|_{4,}|--)[ \t]*$/;

/** Headings and paragraphs of an AsciiDoc document in source order. */
export function asciidocBlocks(lines: readonly string[]): DocBlock[] {
  const collector = new ParagraphCollector();
  for (let index = 0; index < lines.length; ) {
    const line = lines[index] ?? '';
    const verbatim = VERBATIM_DELIMITER.exec(line);
    if (verbatim) {
      collector.flush();
      index = skipDelimited(lines, index, verbatim[1] ?? verbatim[2] ?? '');
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const marker = heading[1] ?? '=';
      collector.heading({ lines: [line.trimEnd()], marker, title: heading[2] ?? '', startLine: index + 1 });
    } else if (line.trim() === '' || PROSE_DELIMITER.test(line)) {
      collector.flush();
    } else if (collector.isOpen) {
      collector.add(line);
    } else if (indentOf(line) === 0 && !NOT_PROSE.test(line)) {
      collector.add(line);
    }
    index += 1;
  }
  return collector.finish();
}

/** Index of the line after the block closed by the same delimiter as `start`; unclosed runs to the end. */
function skipDelimited(lines: readonly string[], start: number, delimiter: string): number {
  for (let index = start + 1; index < lines.length; index++) {
    if ((lines[index] ?? '').trimEnd() === delimiter) return index + 1;
  }
  return lines.length;
}
