import { renderBundle } from '../../src/render/index.js';
import { HOSTILE_PATHS, HOSTILE_TEXTS, SMALL_HEADER, makeEntry, smallBundleInput } from './render-fixtures.js';

interface JsonBundle {
  readonly repopack: Record<string, unknown>;
  readonly tree: string;
  readonly files: readonly (Record<string, unknown> | null)[];
}

describe('json style', () => {
  it('renders the small plan as one object with the header, the tree and the files after a null placeholder', () => {
    const parsed = JSON.parse(renderBundle(smallBundleInput('json'))) as JsonBundle;
    expect(parsed.repopack).toMatchObject({ root: 'demo', tokenizer: 'o200k', budget: 32_000, tokens: 1_234, fileCount: 8 });
    expect(parsed.repopack['levels']).toMatchObject({ full: 'whole file', path: expect.any(String) });
    expect(parsed.tree).toContain('vendor/ (1,500 files)\n');
    expect(parsed.files[0]).toBeNull();
    expect(parsed.files.slice(1).map((file) => file?.['path'])).toEqual([
      'README.md',
      'src/index.ts',
      'src/math.ts',
      'src/cli/main.ts',
      'docs/guide.txt',
    ]);
    expect(parsed.files[3]).toEqual({
      path: 'src/math.ts',
      level: 'skeleton',
      note: 'bodies elided',
      language: 'typescript',
      content: 'export function add(a: number, b: number): number { … }\n',
    });
  });

  it('leaves out an absent note and language', () => {
    const bundle = renderBundle({
      style: 'json',
      header: SMALL_HEADER,
      plan: { entries: [makeEntry('a', 'full', { text: 'x' })], collapsed: [], budget: 1 },
      skipped: [],
    });
    expect((JSON.parse(bundle) as JsonBundle).files[1]).toEqual({ path: 'a', level: 'full', content: 'x' });
  });

  it('keeps every hostile content and path exactly', () => {
    const entries = HOSTILE_TEXTS.flatMap((text, index) => [
      makeEntry(HOSTILE_PATHS[index % HOSTILE_PATHS.length] ?? 'a', 'full', { text, note: text }),
    ]);
    const bundle = renderBundle({
      style: 'json',
      header: { ...SMALL_HEADER, rootName: HOSTILE_TEXTS.join('') },
      plan: { entries, collapsed: [], budget: 1 },
      skipped: [],
    });
    const parsed = JSON.parse(bundle) as JsonBundle;
    expect(parsed.repopack['root']).toBe(HOSTILE_TEXTS.join(''));
    expect(parsed.files.slice(1).map((file) => file?.['content'])).toEqual(HOSTILE_TEXTS);
    expect(parsed.files.slice(1).map((file) => file?.['note'])).toEqual(HOSTILE_TEXTS);
    expect(parsed.files.slice(1).map((file) => file?.['path'])).toEqual(entries.map((entry) => entry.path));
  });
});
