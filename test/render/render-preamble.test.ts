import { STYLES, renderPreamble } from '../../src/render/index.js';
import { SMALL_HEADER } from './render-fixtures.js';

const LEGEND_PARTS = [
  'full = whole file',
  'stripped = comments and blank-line runs removed',
  'skeleton = signatures and declarations, bodies elided',
  'outline = one line per definition',
  'head = first lines only, the rest cut',
  'path = listed in the tree only',
];

describe('preamble', () => {
  it.each(STYLES.map((style) => [style]))('%s states what the bundle is, its numbers and the legend', (style) => {
    const text = renderPreamble(style, { ...SMALL_HEADER, tokens: 1_234_567, budget: 2_000_000, fileCount: 1_001 });
    expect(text).toContain('packed by repopack to fit a token budget');
    expect(text).toContain('1,234,567 of 2,000,000 tokens (o200k), 1,001 files.');
    expect(text).toContain('demo');
    // json states the legend as an object: `"full":"whole file"` reads as `full = whole file` without the quotes.
    const legend = style === 'json' ? text.replaceAll('":"', ' = ').replaceAll('"', '') : text;
    for (const part of LEGEND_PARTS) expect(legend).toContain(part);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('formats counts without a locale: small, rounded and singular', () => {
    const text = renderPreamble('plain', { ...SMALL_HEADER, tokens: 999.6, budget: 1_000, fileCount: 1 });
    expect(text).toContain('1,000 of 1,000 tokens (o200k), 1 file.');
  });

  it('stays compact', () => {
    // About 100 tokens; a header that grows far past this costs every user on every run.
    expect(renderPreamble('xml', SMALL_HEADER).length).toBeLessThan(500);
  });
});
