import { summarizeDocument, type Summary } from '../../src/represent/summarize.js';
import { JSON_MAX_DEPTH, JSON_STRING_MAX_CHARS, stripJsonComments } from '../../src/represent/json-shape.js';

function level(summaries: readonly Summary[], name: Summary['level']): Summary {
  const found = summaries.find((summary) => summary.level === name);
  if (!found) throw new Error(`no ${name} in ${JSON.stringify(summaries.map((summary) => summary.level))}`);
  return found;
}

const RELEASES = {
  name: 'widget-releases',
  description: 'x'.repeat(500),
  meta: { generated: true, source: { kind: 'git', remote: { url: 'https://example.com/r.git', auth: { type: 'none' } } } },
  releases: Array.from({ length: 1234 }, (_, index) => ({ version: `1.${index}.0`, tags: ['stable', 'lts', 'old'], size: index * 10 })),
  empty: [],
  nothing: null,
};
const TEXT = JSON.stringify(RELEASES, null, 2) + '\n';

describe('summarizeDocument on JSON', () => {
  const summaries = summarizeDocument('data/releases.json', 'json', TEXT);
  const skeleton = level(summaries, 'skeleton');
  const parsed = JSON.parse(skeleton.text) as Record<string, unknown>;

  it('keeps a skeleton that still parses, much shorter than the input', () => {
    expect(summaries.map((summary) => summary.level)).toEqual(['skeleton', 'outline']);
    expect(skeleton.text.length * 20).toBeLessThan(TEXT.length);
  });

  it('keeps the first two items of a long array and counts the rest', () => {
    const releases = parsed['releases'] as unknown[];
    expect(releases).toHaveLength(3);
    expect(releases[0]).toEqual({ version: '1.0.0', tags: ['stable', 'lts', '… 1 more item'], size: 0 });
    expect(releases[2]).toBe('… 1,232 more items');
  });

  it('keeps all keys to the depth limit and marks deeper containers', () => {
    expect(JSON_MAX_DEPTH).toBe(4);
    expect(Object.keys(parsed)).toEqual(Object.keys(RELEASES));
    expect(parsed['meta']).toEqual({ generated: true, source: { kind: 'git', remote: { url: 'https://example.com/r.git', auth: '… object with 1 key' } } });
    expect(parsed['empty']).toEqual([]);
    expect(parsed['nothing']).toBeNull();
  });

  it('cuts long strings', () => {
    expect(parsed['description']).toBe('x'.repeat(JSON_STRING_MAX_CHARS) + '…');
  });

  it('outlines top-level keys with their types', () => {
    expect(level(summaries, 'outline').text).toBe(
      ['name: string', 'description: string', 'meta: object (2 keys)', 'releases: array (1,234 items)', 'empty: array (0 items)', 'nothing: null', ''].join('\n'),
    );
  });

  it('keeps the input compact when it was compact', () => {
    const compact = summarizeDocument('a.json', 'json', JSON.stringify(RELEASES));
    expect(level(compact, 'skeleton').text.split('\n')).toHaveLength(2);
  });

  it('outlines a top-level array by its length and first item keys', () => {
    const text = JSON.stringify(RELEASES.releases, null, 2);
    const outline = level(summarizeDocument('a.json', 'json', text), 'outline');
    expect(outline.text).toBe('array (1,234 items)\n[0].version: string\n[0].tags: array (3 items)\n[0].size: number\n');
  });

  it('tolerates comments and trailing commas (tsconfig.json) but not other errors', () => {
    const tsconfig = [
      '{',
      '  // strict everything',
      '  "compilerOptions": { /* see docs */ "strict": true, "paths": { "a/*": ["src/a/*",], }, },',
      '  "include": ["src", "test", "examples", "scripts", "more"],',
      '  "url": "http://example.com/a//b"',
      '}',
      '',
    ].join('\n');
    const summaries = summarizeDocument('tsconfig.json', 'json', tsconfig + ' '.repeat(10));
    expect(JSON.parse(level(summaries, 'skeleton').text)).toEqual({
      compilerOptions: { strict: true, paths: { 'a/*': ['src/a/*'] } },
      include: ['src', 'test', '… 3 more items'],
      url: 'http://example.com/a//b',
    });
    expect(stripJsonComments('{"a": "/* not a comment */", "b": [1,2,],}')).toBe('{"a": "/* not a comment */", "b": [1,2]}');
  });

  it('returns nothing for invalid JSON, a bare scalar, or empty input', () => {
    expect(summarizeDocument('bad.json', 'json', '{"a": [1, 2,\n' + '"x",\n'.repeat(100))).toEqual([]);
    expect(summarizeDocument('scalar.json', 'json', `"${'x'.repeat(1000)}"`)).toEqual([]);
    expect(summarizeDocument('empty.json', 'json', '')).toEqual([]);
  });

  it('keeps a `__proto__` key as data', () => {
    const text = `{"__proto__": {"polluted": true}, "list": [${'1,'.repeat(50)}1]}`;
    const parsed = JSON.parse(level(summarizeDocument('a.json', 'json', text), 'skeleton').text) as object;
    expect(Object.keys(parsed)).toEqual(['__proto__', 'list']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
