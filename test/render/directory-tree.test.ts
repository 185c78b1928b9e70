import { renderTree } from '../../src/render/index.js';
import type { TreeInput } from '../../src/render/index.js';
import type { Level } from '../../src/shared/types.js';
import { readPlainBlocks } from './bundle-readers.js';

function treeText(tree: Partial<TreeInput>): string {
  const [block] = readPlainBlocks(renderTree('plain', { entries: [], skipped: [], collapsed: [], ...tree }));
  if (block === undefined) throw new Error('no tree block');
  return block.content;
}

function entries(...items: [string, Level][]): TreeInput['entries'] {
  return items.map(([path, level]) => ({ path, level }));
}

describe('directory tree', () => {
  it('lists directories before files, each sorted by code unit, indented by two spaces', () => {
    const text = treeText({
      entries: entries(['b.ts', 'path'], ['a/z.ts', 'path'], ['B/x.ts', 'path'], ['a/_y.ts', 'path'], ['Z.md', 'path']),
    });
    expect(text).toBe('B/\n  x.ts\na/\n  _y.ts\n  z.ts\nZ.md\nb.ts\n');
  });

  it('marks every level but path, and skipped files with reason and detail', () => {
    const text = treeText({
      entries: entries(['f', 'full'], ['s', 'stripped'], ['k', 'skeleton'], ['o', 'outline'], ['h', 'head'], ['p', 'path']),
      skipped: [
        { path: 'bin/x.png', reason: 'binary' },
        { path: 'big.sql', reason: 'too-large', detail: '2 MB > 1 MB' },
      ],
    });
    expect(text).toBe(
      'bin/\n  x.png (skipped: binary)\nbig.sql (skipped: too-large, 2 MB > 1 MB)\n' +
        'f (full)\nh (head)\nk (skeleton)\no (outline)\np\ns (stripped)\n',
    );
  });

  it('shows a collapsed directory as one line with its file count and nothing below it', () => {
    const text = treeText({
      entries: entries(['vendor/a/b.js', 'path'], ['vendor/c.js', 'full'], ['one/x', 'path'], ['src/a.ts', 'full']),
      skipped: [{ path: 'vendor/img.png', reason: 'binary' }],
      collapsed: [
        { path: 'vendor', fileCount: 12_345 },
        { path: 'vendor/a', fileCount: 1 },
        { path: 'one/', fileCount: 1 },
      ],
    });
    expect(text).toBe('one/ (1 file)\nsrc/\n  a.ts (full)\nvendor/ (12,345 files)\n');
  });

  it('collapses the root to a single line', () => {
    const text = treeText({ entries: entries(['a', 'full']), collapsed: [{ path: '', fileCount: 100_000 }] });
    expect(text).toBe('./ (100,000 files)\n');
  });

  it('quotes names that could be misread as markers or span lines', () => {
    const text = treeText({ entries: entries(['a (full)', 'path'], ['x\ny', 'full'], [' s', 'path'], ['d//e', 'path']) });
    expect(text).toBe('d/\n  ""/\n    e\n" s"\n"a (full)"\n"x\\ny" (full)\n');
  });

  it('does not depend on input order', () => {
    const items: [string, Level][] = [['src/b.ts', 'full'], ['src/a.ts', 'head'], ['docs/x.md', 'path'], ['c', 'path']];
    expect(treeText({ entries: entries(...items) })).toBe(treeText({ entries: entries(...[...items].reverse()) }));
  });

  it('renders an empty tree as an empty block', () => {
    expect(treeText({})).toBe('');
  });
});
