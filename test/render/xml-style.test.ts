import { renderBundle } from '../../src/render/index.js';
import type { PlanEntry } from '../../src/shared/types.js';
import { asXmlReaderSeesIt, readXmlBundle } from './bundle-readers.js';
import {
  HOSTILE_PATHS,
  HOSTILE_TEXTS,
  SMALL_ENTRIES,
  SMALL_HEADER,
  makeEntry,
  smallBundleInput,
} from './render-fixtures.js';

/** XML 1.0 forbidden characters, written independently of the renderer's own table. */
const FORBIDDEN_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\p{Cs}]/u;

function sanitised(text: string): string {
  return text.replace(new RegExp(FORBIDDEN_IN_XML.source, 'gu'), '\ufffd');
}

function xmlBundleOf(entries: readonly PlanEntry[], rootName = 'demo'): string {
  return renderBundle({
    style: 'xml',
    header: { ...SMALL_HEADER, rootName },
    plan: { entries, collapsed: [], budget: SMALL_HEADER.budget },
    skipped: [],
  });
}

describe('xml style', () => {
  it('renders the small plan as a repository with header, tree and one <file> per shown entry', () => {
    const bundle = renderBundle(smallBundleInput('xml'));
    expect(bundle.startsWith('<repository name="demo">\n<header>\n')).toBe(true);
    expect(bundle).toContain('1,234 of 32,000 tokens (o200k), 8 files.');
    expect(bundle).toContain('<tree>\n');
    expect(bundle).toContain('<file path="src/math.ts" level="skeleton" note="bodies elided">\n');
    expect(bundle).not.toContain('<file path="src/legacy.js"');
    expect(bundle.endsWith('</files>\n</repository>\n')).toBe(true);
    const read = readXmlBundle(bundle);
    const shown = SMALL_ENTRIES.filter((entry) => entry.variant.level !== 'path');
    expect(read.files.map((file) => file.path)).toEqual(shown.map((entry) => entry.path));
    expect(read.files.map((file) => file.content)).toEqual(
      shown.map((entry) => ('text' in entry.variant ? entry.variant.text : '')),
    );
  });

  it.each(HOSTILE_TEXTS.map((text) => [JSON.stringify(text), text]))(
    'stays well-formed and keeps content %s',
    (_name, text) => {
      const bundle = xmlBundleOf([makeEntry('a.ts', 'full', { text, note: text })]);
      expect(FORBIDDEN_IN_XML.test(bundle)).toBe(false);
      const [file] = readXmlBundle(bundle).files;
      expect(file?.content).toBe(asXmlReaderSeesIt(sanitised(text)));
      expect(file?.note).toBe(sanitised(text));
    },
  );

  it.each(HOSTILE_PATHS.map((path) => [JSON.stringify(path), path]))('escapes the path %s', (_name, path) => {
    const bundle = xmlBundleOf([makeEntry(path, 'full', { text: 'x\n' })], path);
    const read = readXmlBundle(bundle);
    expect(read.name).toBe(sanitised(path));
    expect(read.files[0]?.path).toBe(sanitised(path));
    expect(FORBIDDEN_IN_XML.test(bundle)).toBe(false);
  });

  it('splits ]]> across CDATA sections and replaces forbidden characters by U+FFFD', () => {
    const bundle = xmlBundleOf([makeEntry('a', 'full', { text: 'x]]>y\u0000\ud800\ud83d\ude00' })]);
    expect(bundle).toContain('<![CDATA[x]]]]><![CDATA[>y\ufffd\ufffd\ud83d\ude00]]>');
  });

  it('writes tab and line breaks in attributes as character references', () => {
    const bundle = xmlBundleOf([makeEntry('a\tb\nc\rd"&<', 'full', { text: '' })]);
    expect(bundle).toContain('<file path="a&#9;b&#10;c&#13;d&quot;&amp;&lt;" level="full">');
  });
});

describe('xml tree text', () => {
  it('escapes & and <, and > only where it would close ]]>', () => {
    const bundle = renderBundle({
      style: 'xml',
      header: SMALL_HEADER,
      plan: { entries: [makeEntry('a&b<c>d]]>e', 'path')], collapsed: [], budget: 1 },
      skipped: [{ path: 'big', reason: 'too-large', detail: '2 MB > 1 MB' }],
    });
    expect(bundle).toContain('\na&amp;b&lt;c>d]]&gt;e\n');
    expect(bundle).toContain('big (skipped: too-large, 2 MB > 1 MB)\n');
    expect(() => readXmlBundle(bundle)).not.toThrow();
  });
});
