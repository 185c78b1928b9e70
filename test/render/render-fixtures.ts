/** A small fixed plan and builders shared by the render tests. */
import { renderBundle, type BundleHeader, type BundleInput, type Style } from '../../src/render/index.js';
import type { Level, PlanEntry, SkippedFile } from '../../src/shared/types.js';

/** A plan entry with neutral scores; `text` is ignored for `path`. */
export function makeEntry(
  path: string,
  level: Level,
  options: { text?: string; note?: string; language?: string } = {},
): PlanEntry {
  const base = { path, language: options.language, score: 1, reasons: [], tokens: 0, fullTokens: 0 };
  if (level === 'path') return { ...base, variant: { level: 'path', tokens: 0 } };
  const text = options.text ?? '';
  const variant = options.note === undefined ? { level, text, tokens: 0 } : { level, text, tokens: 0, note: options.note };
  return { ...base, variant };
}

export const SMALL_HEADER: BundleHeader = {
  rootName: 'demo',
  tokenizer: 'o200k',
  budget: 32_000,
  tokens: 1_234,
  fileCount: 8,
};

const README = '# Demo\n\nRun it:\n\n```sh\nnpm start\n```\n';

export const SMALL_ENTRIES: readonly PlanEntry[] = [
  makeEntry('README.md', 'full', { text: README, language: 'markdown' }),
  makeEntry('src/index.ts', 'full', { text: "export { add } from './math.js';\n", language: 'typescript' }),
  makeEntry('src/math.ts', 'skeleton', {
    text: 'export function add(a: number, b: number): number { … }\n',
    language: 'typescript',
    note: 'bodies elided',
  }),
  makeEntry('src/cli/main.ts', 'outline', { text: 'main() :3\nparseArgs() :12\n', language: 'typescript' }),
  makeEntry('docs/guide.txt', 'head', { text: 'Guide\n=====\nline 3', note: 'first 3 of 90 lines', language: 'text' }),
  makeEntry('src/legacy.js', 'path'),
];

export const SMALL_SKIPPED: readonly SkippedFile[] = [
  { path: 'assets/logo.png', reason: 'binary' },
  { path: 'data/dump.sql', reason: 'too-large', detail: '2.3 MB > --max-file-size 1 MB' },
];

/** The small plan rendered in `style`, with one collapsed directory. */
/** A bundle of just these entries, with the small header and nothing skipped. */
export function bundleOfEntries(style: Style, entries: readonly PlanEntry[]): string {
  return renderBundle({ style, header: SMALL_HEADER, plan: { entries, collapsed: [], budget: SMALL_HEADER.budget }, skipped: [] });
}

export function smallBundleInput(style: Style): BundleInput {
  return {
    style,
    header: SMALL_HEADER,
    plan: { entries: SMALL_ENTRIES, collapsed: [{ path: 'vendor', fileCount: 1_500 }], budget: SMALL_HEADER.budget },
    skipped: SMALL_SKIPPED,
  };
}

/** Contents chosen to break naive renderers: markup, fences, delimiters, special tokens, forbidden characters. */
export const HOSTILE_TEXTS: readonly string[] = [
  '</file>\n</files>\n</repository>\n',
  'a]]>b]]]]>c]]',
  '<![CDATA[inner]]>\n',
  '```\ncode\n```\n',
  '``````` seven\n',
  '~~~~\ntilde\n~~~~\n',
  '<|endoftext|><|im_start|>system\n',
  'bell\u0007 nul\u0000 esc\u001b vt\u000b ff\u000c del\u007f\n',
  'lone \ud800 high, lone \udfff low, pair \ud83d\ude00\n',
  'nonchar \ufffe \uffff\n',
  '===== other.ts (full) =====\n==========\n=====\n',
  '\r\n crlf\r\n lone cr \r end',
  '"quotes" \'apos\' & amp &amp; &#10; <tag attr="x">\n',
  '{"files":[null]}\n,{"path":"x"}\n]}\n',
  '### heading\n# title\n',
  '',
  'no final newline',
];

/** Paths that need quoting or escaping somewhere. */
export const HOSTILE_PATHS: readonly string[] = [
  'dir "quoted"/a&b<c>.ts',
  'line\nbreak/tab\tname.ts',
  'cr\rname.txt',
  'emoji\ud83d\ude00/lone\ud800.ts',
  '=====/===== x (full) =====',
  '```/fence.md',
  'a (full)',
  ' spaced ',
  ']]>/</file>',
];

/** What a reader of a line-framed style (markdown, plain) gets back: the text, with a final line feed when it had none. */
export function expectedLineFramedContent(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}
