import { renderBundle } from '../../src/render/index.js';
import type { PlanEntry } from '../../src/shared/types.js';
import { readMarkdownBlocks } from './bundle-readers.js';
import {
  HOSTILE_PATHS,
  HOSTILE_TEXTS,
  bundleOfEntries,
  expectedLineFramedContent,
  makeEntry,
  smallBundleInput,
} from './render-fixtures.js';

const markdownBundleOf = (entries: readonly PlanEntry[]): string => bundleOfEntries('markdown', entries);

describe('markdown style', () => {
  it('renders the small plan with a title, a fenced tree and one heading plus fence per shown entry', () => {
    const bundle = renderBundle(smallBundleInput('markdown'));
    expect(bundle.startsWith('# Repository demo\n')).toBe(true);
    expect(bundle).toContain('## Tree\n```\n');
    expect(bundle).toContain('### src/math.ts (skeleton; bodies elided)\n```typescript\n');
    expect(bundle).not.toContain('### src/legacy.js');
    const blocks = readMarkdownBlocks(bundle);
    expect(blocks.map((block) => block.title)).toEqual([
      '## Tree',
      '### README.md (full)',
      '### src/index.ts (full)',
      '### src/math.ts (skeleton; bodies elided)',
      '### src/cli/main.ts (outline)',
      '### docs/guide.txt (head; first 3 of 90 lines)',
    ]);
    expect(blocks[0]?.content).toContain('  legacy.js\n');
  });

  it('opens a fence longer than the longest backtick run inside', () => {
    const bundle = markdownBundleOf([makeEntry('a.md', 'full', { text: 'x ````` y\n', language: 'markdown' })]);
    expect(bundle).toContain('\n``````markdown\nx ````` y\n``````\n');
  });

  it('drops a language that could break the opening line', () => {
    const bundle = markdownBundleOf([makeEntry('a', 'full', { text: 'x\n', language: 'evil ```lang' })]);
    expect(readMarkdownBlocks(bundle)[1]?.info).toBe('');
  });

  it.each(HOSTILE_TEXTS.map((text) => [JSON.stringify(text), text]))('keeps fences balanced for %s', (_name, text) => {
    const bundle = markdownBundleOf([makeEntry('a.ts', 'full', { text, language: 'typescript' })]);
    const blocks = readMarkdownBlocks(bundle);
    expect(blocks).toHaveLength(2);
    expect(blocks[1]?.content).toBe(expectedLineFramedContent(text));
  });

  it.each(HOSTILE_PATHS.map((path) => [JSON.stringify(path), path]))('keeps the heading of %s on one line', (_n, path) => {
    const bundle = markdownBundleOf([makeEntry(path, 'full', { text: 'x\n' })]);
    const blocks = readMarkdownBlocks(bundle);
    expect(blocks).toHaveLength(2);
    expect(blocks[1]?.title.endsWith(' (full)')).toBe(true);
    expect(blocks[1]?.content).toBe('x\n');
  });
});
