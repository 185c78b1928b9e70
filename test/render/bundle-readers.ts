/**
 * Reading bundles back, as an independent oracle for the renderers: a real XML parser, `JSON.parse`, and line
 * scanners that follow the CommonMark fence rules and the plain style's documented block rule. Line breaks are
 * `\n`, `\r\n` and lone `\r`, as CommonMark counts them.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** One fenced (markdown) or delimited (plain) block: the line before it or its header, and its exact contents. */
export interface ReadBlock {
  readonly title: string;
  readonly info: string;
  readonly content: string;
}

/** One `<file>` of an xml bundle, as a parser sees it. */
export interface ReadXmlFile {
  readonly path: string;
  readonly level: string;
  readonly note: string | undefined;
  readonly content: string;
}

interface Line {
  readonly text: string;
  readonly start: number;
  /** Offset just after the line's terminator. */
  readonly next: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const terminator = /\r\n|\r|\n/g;
  let start = 0;
  while (start < text.length) {
    terminator.lastIndex = start;
    const match = terminator.exec(text);
    const end = match === null ? text.length : match.index;
    const next = match === null ? text.length : match.index + match[0].length;
    lines.push({ text: text.slice(start, end), start, next });
    start = next;
  }
  return lines;
}

function lineAt(lines: readonly Line[], index: number): Line {
  const line = lines[index];
  if (line === undefined) throw new Error(`no line ${index}`);
  return line;
}

/** CommonMark: a closing fence is up to 3 spaces, at least as many backticks as the opening, then only spaces. */
function closesFence(text: string, fenceLength: number): boolean {
  const match = /^ {0,3}(`+)[ \t]*$/.exec(text);
  return match !== null && (match[1] ?? '').length >= fenceLength;
}

/** Every fenced block of a markdown bundle with the last heading before it; throws on an unclosed fence. */
export function readMarkdownBlocks(bundle: string): ReadBlock[] {
  const lines = splitLines(bundle);
  const blocks: ReadBlock[] = [];
  let title = '';
  for (let index = 0; index < lines.length; index += 1) {
    const line = lineAt(lines, index);
    if (line.text.startsWith('#')) title = line.text;
    const open = /^(`{3,})([^`]*)$/.exec(line.text);
    if (open === null) continue;
    const fence = open[1] ?? '';
    let close = index + 1;
    while (close < lines.length && !closesFence(lineAt(lines, close).text, fence.length)) close += 1;
    if (close >= lines.length) throw new Error(`fence opened on line ${index + 1} is never closed`);
    const closing = lineAt(lines, close);
    if (closing.text !== fence) throw new Error(`fence ${fence} closed by ${JSON.stringify(closing.text)}`);
    blocks.push({ title, info: open[2] ?? '', content: bundle.slice(line.next, closing.start) });
    index = close;
  }
  return blocks;
}

/** Every `===== title =====` … `=====` block of a plain bundle; throws when a block has no end line. */
export function readPlainBlocks(bundle: string): ReadBlock[] {
  const lines = splitLines(bundle);
  const blocks: ReadBlock[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const line = lineAt(lines, index);
    const open = /^(={5,}) (.*) \1$/.exec(line.text);
    if (open === null) continue;
    const delimiter = open[1] ?? '';
    let close = index + 1;
    while (close < lines.length && lineAt(lines, close).text !== delimiter) {
      // Stronger than the reader needs: no inner line may even start with a run as long as the delimiter.
      if (lineAt(lines, close).text.startsWith(delimiter)) throw new Error(`line ${close + 1} looks like a delimiter`);
      close += 1;
    }
    if (close >= lines.length) throw new Error(`block opened on line ${index + 1} never ends`);
    blocks.push({ title: open[2] ?? '', info: '', content: bundle.slice(line.next, lineAt(lines, close).start) });
    index = close;
  }
  return blocks;
}

const XML_PARSER = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  cdataPropName: '#cdata',
  isArray: (name) => name === 'file' || name === '#cdata',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  // Decodes the numeric character references used for tab and line breaks in attributes.
  htmlEntities: true,
});

interface ParsedFile {
  readonly '@_path': string;
  readonly '@_level': string;
  readonly '@_note'?: string;
  readonly '#cdata'?: readonly string[];
}

interface ParsedRepository {
  readonly repository: { readonly '@_name': string; readonly files: { readonly file?: readonly ParsedFile[] } | string };
}

/** Validates then parses an xml bundle; throws with the validator's message when it is not well-formed. */
export function readXmlBundle(bundle: string): { name: string; files: ReadXmlFile[] } {
  const verdict = XMLValidator.validate(bundle);
  if (verdict !== true) throw new Error(`invalid XML: ${JSON.stringify(verdict.err)}`);
  const parsed = XML_PARSER.parse(bundle) as ParsedRepository;
  const { files } = parsed.repository;
  const list = typeof files === 'string' ? [] : (files.file ?? []);
  return {
    name: parsed.repository['@_name'],
    files: list.map((file) => ({
      path: file['@_path'],
      level: file['@_level'],
      note: file['@_note'],
      content: (file['#cdata'] ?? []).join(''),
    })),
  };
}

/** What a conformant XML reader sees of `text`: line breaks normalised to `\n` (XML 1.0 §2.11). */
export function asXmlReaderSeesIt(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
