import { renderBundle } from '../../src/render/index.js';
import type { PlanEntry } from '../../src/shared/types.js';
import { readPlainBlocks } from './bundle-readers.js';
import {
  HOSTILE_PATHS,
  HOSTILE_TEXTS,
  bundleOfEntries,
  expectedLineFramedContent,
  makeEntry,
  smallBundleInput,
} from './render-fixtures.js';

const plainBundleOf = (entries: readonly PlanEntry[]): string => bundleOfEntries('plain', entries);

describe('plain style', () => {
  it('renders the small plan as header text, a tree block and one block per shown entry', () => {
    const bundle = renderBundle(smallBundleInput('plain'));
    expect(bundle.startsWith('Repository demo\n')).toBe(true);
    const blocks = readPlainBlocks(bundle);
    expect(blocks.map((block) => block.title)).toEqual([
      'tree',
      'README.md (full)',
      'src/index.ts (full)',
      'src/math.ts (skeleton; bodies elided)',
      'src/cli/main.ts (outline)',
      'docs/guide.txt (head; first 3 of 90 lines)',
    ]);
    expect(blocks[5]?.content).toBe('Guide\n=====\nline 3\n');
  });

  it('lengthens the delimiter past any = run that starts a content line', () => {
    const bundle = plainBundleOf([makeEntry('a', 'full', { text: 'x\n======= y =======\n' })]);
    expect(bundle).toContain('\n======== a (full) ========\nx\n======= y =======\n========\n');
  });

  it.each(HOSTILE_TEXTS.map((text) => [JSON.stringify(text), text]))('keeps blocks apart for %s', (_name, text) => {
    const bundle = plainBundleOf([makeEntry('a.ts', 'full', { text }), makeEntry('b.ts', 'head', { text })]);
    const blocks = readPlainBlocks(bundle);
    expect(blocks.map((block) => block.title)).toEqual(['tree', 'a.ts (full)', 'b.ts (head)']);
    expect(blocks[1]?.content).toBe(expectedLineFramedContent(text));
    expect(blocks[2]?.content).toBe(expectedLineFramedContent(text));
  });

  it.each(HOSTILE_PATHS.map((path) => [JSON.stringify(path), path]))('keeps the title of %s on one line', (_n, path) => {
    const bundle = plainBundleOf([makeEntry(path, 'full', { text: 'x\n' })]);
    const blocks = readPlainBlocks(bundle);
    expect(blocks).toHaveLength(2);
    expect(blocks[1]?.title.endsWith(' (full)')).toBe(true);
  });
});
