import { summarizeDocument, type Summary } from '../../src/represent/summarize.js';
import { FIRST_PARAGRAPH_MAX_CHARS } from '../../src/represent/doc-summary.js';

function level(summaries: readonly Summary[], name: Summary['level']): Summary {
  const found = summaries.find((summary) => summary.level === name);
  if (!found) throw new Error(`no ${name} in ${JSON.stringify(summaries.map((summary) => summary.level))}`);
  return found;
}

const LONG_PARAGRAPH = Array.from({ length: 40 }, (_, index) => `Sentence number ${index} explains the tool.`).join(' ');

const README = [
  '---',
  'title: Front matter is not a heading',
  '# nor is this',
  '---',
  '[![CI](https://example.com/ci.svg)](https://example.com/ci)',
  '',
  '# widget',
  '',
  'Widget packs things into boxes.',
  'It is fast.',
  '',
  'Second paragraph is not kept.',
  '',
  '## Install',
  '',
  '```bash',
  '# install with npm',
  'npm install widget',
  '```',
  '',
  '~~~~python',
  '# a python comment',
  '```',
  '## still code',
  '~~~~',
  '',
  '    # indented code is not a heading either',
  '',
  '<!--',
  '# commented out heading',
  '-->',
  '',
  'Usage',
  '-----',
  '',
  LONG_PARAGRAPH,
  '',
  '- a list item',
  '---',
  '',
  '### Options ###',
  '',
  ...Array.from({ length: 200 }, (_, index) => `Line ${index} of a long options section.`),
].join('\n');

describe('summarizeDocument on markdown', () => {
  const summaries = summarizeDocument('README.md', 'markdown', README);

  it('returns a skeleton and an outline, both shorter than the input, richest first', () => {
    expect(summaries.map((summary) => summary.level)).toEqual(['skeleton', 'outline']);
    for (const summary of summaries) expect(summary.text.length).toBeLessThan(README.length);
    expect(level(summaries, 'outline').text.length).toBeLessThan(level(summaries, 'skeleton').text.length);
  });

  it('outlines ATX and setext headings with line numbers, never fenced, indented or commented `#` lines', () => {
    expect(level(summaries, 'outline').text).toBe(['L7 # widget', 'L14 ## Install', 'L33 ## Usage', 'L41 ### Options', ''].join('\n'));
    expect(level(summaries, 'outline').note).toBe(`headings of ${formatted(README.split('\n').length)} lines`);
  });

  it('keeps headings as written with the first paragraph under each, skipping front matter, code and badges', () => {
    const skeleton = level(summaries, 'skeleton').text;
    expect(skeleton.startsWith('# widget\n\nWidget packs things into boxes.\nIt is fast.\n\n## Install\n\nUsage\n-----\n\n')).toBe(true);
    expect(skeleton).toContain('### Options ###\n\nLine 0 of a long options section.');
    for (const absent of ['Second paragraph', 'nor is this', 'install with npm', 'still code', 'indented code', 'commented out', 'ci.svg', 'a list item']) {
      expect(skeleton).not.toContain(absent);
    }
  });

  it('cuts a long first paragraph at the named maximum and marks the cut', () => {
    const skeleton = level(summaries, 'skeleton').text;
    const cut = skeleton.split('\n\n').find((part) => part.startsWith('Sentence number 0'));
    expect(cut).toBeDefined();
    expect(cut?.endsWith('…')).toBe(true);
    expect(cut?.length).toBeLessThanOrEqual(FIRST_PARAGRAPH_MAX_CHARS + 1);
    expect(LONG_PARAGRAPH.startsWith(cut?.slice(0, -1) ?? 'x')).toBe(true);
  });

  it('accepts CRLF line endings with the same result', () => {
    const crlf = summarizeDocument('README.md', 'markdown', README.replace(/\n/g, '\r\n'));
    expect(crlf.map((summary) => summary.text)).toEqual(summaries.map((summary) => summary.text));
  });

  it('is deterministic', () => {
    expect(summarizeDocument('README.md', 'markdown', README)).toEqual(summaries);
  });

  it('treats an unclosed fence as code to the end', () => {
    const text = `# Title\n\nIntro.\n\n\`\`\`sh\n# not a heading\n${'echo hi\n'.repeat(50)}`;
    expect(level(summarizeDocument('a.md', 'markdown', text), 'outline').text).toBe('L1 # Title\n');
  });
});

describe('summarizeDocument on rst and asciidoc', () => {
  const RST = [
    '=======',
    ' Widget',
    '=======',
    '',
    '.. image:: badge.svg',
    '',
    'Widget packs things.',
    '',
    'Install',
    '-------',
    '',
    'Run this::',
    '',
    '    pip install widget',
    '    Fake Title',
    '    ==========',
    '',
    'Details',
    '~~~~~~~',
    '',
    ...Array.from({ length: 60 }, (_, index) => `Detail line ${index}.`),
    '',
    'Usage',
    '-----',
    '',
    'Call it.',
  ].join('\n');

  it('reads over- and underlined titles with levels in order of first appearance', () => {
    const summaries = summarizeDocument('docs/index.rst', 'rst', RST);
    expect(level(summaries, 'outline').text).toBe(['L2 # Widget', 'L9 ## Install', 'L18 ### Details', 'L82 ## Usage', ''].join('\n'));
    const skeleton = level(summaries, 'skeleton').text;
    expect(skeleton.startsWith('=======\n Widget\n=======\n\nWidget packs things.\n\nInstall\n-------\n\nRun this::\n\n')).toBe(true);
    expect(skeleton).not.toContain('pip install');
    expect(skeleton).not.toContain('badge.svg');
  });

  const ADOC = [
    '= Widget Guide',
    ':toc: left',
    '',
    'Widget packs things.',
    '',
    '== Install',
    '',
    '[source,bash]',
    '----',
    '== not a heading',
    'pip install widget',
    '----',
    '',
    '=== From source',
    '',
    ...Array.from({ length: 60 }, (_, index) => `Step ${index}.`),
  ].join('\n');

  it('reads `=` titles and skips listing blocks and attributes', () => {
    const summaries = summarizeDocument('guide.adoc', 'asciidoc', ADOC);
    expect(level(summaries, 'outline').text).toBe('L1 = Widget Guide\nL6 == Install\nL14 === From source\n');
    const skeleton = level(summaries, 'skeleton').text;
    const steps = Array.from({ length: 60 }, (_, index) => `Step ${index}.`).join('\n');
    const cutSteps = steps.slice(0, FIRST_PARAGRAPH_MAX_CHARS).trimEnd() + '…';
    expect(skeleton).toBe(`= Widget Guide\n\nWidget packs things.\n\n== Install\n\n=== From source\n\n${cutSteps}\n`);
  });
});

describe('summarizeDocument edge cases', () => {
  it('returns nothing for empty input', () => {
    expect(summarizeDocument('README.md', 'markdown', '')).toEqual([]);
    expect(summarizeDocument('README.md', 'markdown', '\n\n')).toEqual([]);
  });

  it('leaves out every view that would not be shorter than the input', () => {
    expect(summarizeDocument('NOTES.md', 'markdown', '# A\n')).toEqual([]);
    const onlyOutline = summarizeDocument('NOTES.md', 'markdown', '# Notes\n\nShort.\n');
    expect(onlyOutline).toEqual([{ level: 'outline', text: 'L1 # Notes\n', note: 'headings of 3 lines' }]);
  });

  it('returns nothing for languages it does not summarise', () => {
    expect(summarizeDocument('src/a.ts', 'typescript', '# not markdown\n'.repeat(50))).toEqual([]);
    expect(summarizeDocument('notes.txt', 'text', '# not markdown\n'.repeat(50))).toEqual([]);
  });

  it('detects the language from the path when none is given', () => {
    const text = `# Title\n\n${'word '.repeat(300)}\n`;
    expect(summarizeDocument('docs/guide.md', undefined, text).map((summary) => summary.level)).toEqual(['skeleton', 'outline']);
  });
});

function formatted(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
