import { readFile, writeFile } from 'node:fs/promises';
import {
  STYLES,
  renderBundle,
  renderClosing,
  renderPreamble,
  renderSection,
  renderTree,
  treeFrom,
} from '../../src/render/index.js';
import type { BundleInput, Style } from '../../src/render/index.js';
import type { PlanEntry } from '../../src/shared/types.js';
import { UsageError } from '../../src/shared/errors.js';
import { mulberry32 } from '../helpers/prng.js';
import { SMALL_ENTRIES, makeEntry, smallBundleInput } from './render-fixtures.js';
import { randomBundleInput } from './random-plan.js';

const RANDOM_PLAN_COUNT = 200;
const SEED = 0x1de_4717;
const GOLDEN_EXTENSIONS: Readonly<Record<Style, string>> = { xml: 'xml', markdown: 'md', plain: 'txt', json: 'json' };

function partsOf(input: BundleInput): string[] {
  const { style, header, plan, skipped } = input;
  return [
    renderPreamble(style, header),
    renderTree(style, treeFrom(plan, skipped)),
    ...plan.entries.map((entry) => renderSection(style, entry)),
    renderClosing(style),
  ];
}

describe('renderBundle', () => {
  it.each(STYLES.map((style) => [style]))('%s: equals preamble + tree + sections in plan order + closing', (style) => {
    const inputs = [smallBundleInput(style)];
    const random = mulberry32(SEED);
    for (let index = 0; index < RANDOM_PLAN_COUNT; index += 1) inputs.push(randomBundleInput(random, style));
    // One expect for all plans: an expect per plan would dominate the run time.
    const mismatches = inputs.filter((input) => renderBundle(input) !== partsOf(input).join(''));
    expect(mismatches).toEqual([]);
  });

  it.each(STYLES.map((style) => [style]))('%s: every non-empty part ends with a line feed', (style) => {
    for (const part of partsOf(smallBundleInput(style))) {
      if (part !== '') expect(part.endsWith('\n')).toBe(true);
    }
  });

  it.each(STYLES.map((style) => [style]))('%s: a path-level entry renders to an empty section', (style) => {
    expect(renderSection(style, makeEntry('src/legacy.js', 'path'))).toBe('');
  });

  it('orders sections as the plan does, not by path', () => {
    const input = smallBundleInput('plain');
    const reversed = { ...input, plan: { ...input.plan, entries: [...SMALL_ENTRIES].reverse() } };
    const bundle = renderBundle(reversed);
    expect(bundle.indexOf('===== docs/guide.txt')).toBeLessThan(bundle.indexOf('===== README.md'));
  });

  it.each(STYLES.map((style) => [style]))(
    '%s: with diff sections, equals preamble (with changes) + tree + diff sections + file sections + closing',
    (style) => {
      const small = smallBundleInput(style);
      const diffs = [
        { ...makeEntry('src/math.ts', 'full', { text: '@@ -1 +1 @@\n-a\n+b ]]> `` ===\n' }), section: 'diff' },
        { ...makeEntry('gone.ts', 'outline', { text: '' }), section: 'diff' },
        { ...makeEntry('src/index.ts', 'path'), section: 'diff' },
      ].map((entry) => ({ ...entry, variant: entry.variant.level === 'path' ? entry.variant : { ...entry.variant, note: 'modified, +1 −1', diffLevel: entry.variant.text === '' ? ('stat' as const) : ('function-context' as const) } }) as PlanEntry);
      const commits = [{ hash: 'a'.repeat(40), date: '2026-01-01T00:00:00+00:00', author: 'A', subject: 'fix <it>', files: ['src/math.ts'] }];
      const input: BundleInput = {
        ...small,
        header: { ...small.header, changes: { description: 'working tree vs HEAD (aaaaaaa, main)', fileCount: 2, commits } },
        plan: { ...small.plan, entries: [...diffs, ...small.plan.entries] },
      };
      const bundle = renderBundle(input);
      expect(bundle).toBe(partsOf(input).join(''));
      // The tree lists files only: a diff never adds a line to it.
      expect(renderTree(style, treeFrom(input.plan, input.skipped))).toBe(renderTree(style, treeFrom(small.plan, small.skipped)));
      expect(renderSection(style, diffs[2]!)).toBe('');
      expect(bundle).toContain('aaaaaaa 2026-01-01 A: fix');
      if (style === 'json') expect((JSON.parse(bundle) as { files: unknown[] }).files[1]).toMatchObject({ diff: 'src/math.ts', level: 'function-context' });
    },
  );

  it('rejects a style it does not know with a usage error', () => {
    expect(() => renderClosing('yaml' as Style)).toThrow(UsageError);
  });

  it.each(STYLES.map((style) => [style]))('%s: matches its golden bundle byte for byte', async (style) => {
    const golden = new URL(`../golden/render-small-plan.${GOLDEN_EXTENSIONS[style]}`, import.meta.url);
    const bundle = renderBundle(smallBundleInput(style));
    // Rewritten only on request, then reviewed as a diff.
    if (process.env['UPDATE_GOLDEN'] === '1') await writeFile(golden, bundle, 'utf8');
    expect(bundle).toBe(await readFile(golden, 'utf8'));
  });
});
