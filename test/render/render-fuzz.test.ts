/**
 * Property test: 1,000 seeded random plans, each rendered in every style and read back with independent readers
 * (a real XML parser, `JSON.parse`, CommonMark-rule fence scanning, the plain style's block rule). Comparisons use
 * `isDeepStrictEqual` and collect failures, because a jest `expect` per plan would dominate the run time.
 */
import { isDeepStrictEqual } from 'node:util';
import { STYLES, renderBundle } from '../../src/render/index.js';
import type { BundleInput, Style } from '../../src/render/index.js';
import type { PlanEntry } from '../../src/shared/types.js';
import { mulberry32 } from '../helpers/prng.js';
import { asXmlReaderSeesIt, readMarkdownBlocks, readPlainBlocks, readXmlBundle } from './bundle-readers.js';
import { expectedLineFramedContent } from './render-fixtures.js';
import { randomBundleInput } from './random-plan.js';

const PLAN_COUNT = 1_000;
const SEED = 0x5eed_2026;
/** XML 1.0 forbidden characters, written independently of the renderer's own table. */
const FORBIDDEN_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\p{Cs}]/u;

/** What was read back and what should have been, for one plan in one style. */
interface Comparison {
  readonly actual: unknown;
  readonly expected: unknown;
}

function shownTexts(input: BundleInput): { path: string; text: string }[] {
  return input.plan.entries
    .filter((entry: PlanEntry) => entry.variant.level !== 'path')
    .map((entry) => ({ path: entry.path, text: 'text' in entry.variant ? entry.variant.text : '' }));
}

function sanitised(text: string): string {
  return text.replace(new RegExp(FORBIDDEN_IN_XML.source, 'gu'), '\ufffd');
}

function compareXml(input: BundleInput, bundle: string): Comparison {
  const read = readXmlBundle(bundle);
  return {
    actual: {
      forbidden: FORBIDDEN_IN_XML.test(bundle),
      name: read.name,
      files: read.files.map(({ path, content }) => ({ path, content })),
    },
    expected: {
      forbidden: false,
      name: sanitised(input.header.rootName),
      files: shownTexts(input).map(({ path, text }) => ({
        path: sanitised(path),
        content: asXmlReaderSeesIt(sanitised(text)),
      })),
    },
  };
}

function compareJson(input: BundleInput, bundle: string): Comparison {
  const parsed = JSON.parse(bundle) as { repopack: { root: string }; files: ({ path: string; content: string } | null)[] };
  const [placeholder, ...files] = parsed.files;
  return {
    actual: {
      root: parsed.repopack.root,
      placeholder,
      files: files.map((file) => ({ path: file?.path, text: file?.content })),
    },
    expected: { root: input.header.rootName, placeholder: null, files: shownTexts(input) },
  };
}

function compareLineFramed(input: BundleInput, bundle: string, style: 'markdown' | 'plain'): Comparison {
  const blocks = style === 'markdown' ? readMarkdownBlocks(bundle) : readPlainBlocks(bundle);
  return {
    // The first block is the tree.
    actual: blocks.slice(1).map((block) => block.content),
    expected: shownTexts(input).map(({ text }) => expectedLineFramedContent(text)),
  };
}

function compare(style: Style, input: BundleInput): Comparison {
  const bundle = renderBundle({ ...input, style });
  switch (style) {
    case 'xml':
      return compareXml(input, bundle);
    case 'json':
      return compareJson(input, bundle);
    case 'markdown':
    case 'plain':
      return compareLineFramed(input, bundle, style);
  }
}

describe('random plans read back', () => {
  it(`keeps every content of ${PLAN_COUNT} random plans in every style`, () => {
    const random = mulberry32(SEED);
    const failures: string[] = [];
    for (let index = 0; index < PLAN_COUNT; index += 1) {
      const input = randomBundleInput(random, 'xml');
      for (const style of STYLES) {
        try {
          const { actual, expected } = compare(style, input);
          if (!isDeepStrictEqual(actual, expected)) {
            failures.push(`#${index} ${style}: ${JSON.stringify({ actual, expected })}`);
          }
        } catch (error) {
          failures.push(`#${index} ${style}: ${String(error)}`);
        }
      }
    }
    expect(failures.slice(0, 3)).toEqual([]);
  });
});
