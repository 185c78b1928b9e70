/** Random bundle inputs for property tests: hostile fragments, random UTF-16 code units, random levels and markers. */
import type { BundleInput, Style } from '../../src/render/index.js';
import { LEVELS } from '../../src/shared/types.js';
import type { PlanEntry, SkipReason, SkippedFile } from '../../src/shared/types.js';
import { type Random, pick, randomInt } from '../helpers/prng.js';
import { makeEntry } from './render-fixtures.js';

const FRAGMENTS: readonly string[] = [
  '</file>', '</files>', '</repository>', ']]>', ']]', '>', '<![CDATA[', '<', '&', '&amp;', '"', "'",
  '`', '```', '````````', '~~~', '~~~~', '=====', '==========', '=', ' (full)', ' (', ')', ';',
  '<|endoftext|>', '<|im_end|>', '\n', '\n', '\n', '\r\n', '\r', '\t', ' ', '   ', '#', '### ',
  '\u0000', '\u0001', '\u001f', '\u007f', '\u2028', '\ufeff', '\ufffe', '\uffff', '\ud800', '\udfff', '\ud83d\ude00',
  '{', '}', '[', ']', ',', 'null', '\\', '\\n', '/', 'a', 'export const x = 1;', 'é',
];
const SKIP_REASONS: readonly SkipReason[] = ['binary', 'too-large', 'invalid-utf8', 'unreadable', 'symlink-loop'];
const LANGUAGES: readonly (string | undefined)[] = [undefined, 'typescript', 'markdown', 'c++ `x`', 'a b'];

/** Up to `maxParts` hostile fragments and random UTF-16 code units (lone surrogates included). */
export function randomText(random: Random, maxParts: number): string {
  let text = '';
  const parts = randomInt(random, maxParts + 1);
  for (let index = 0; index < parts; index += 1) {
    text += random() < 0.6 ? pick(random, FRAGMENTS) : String.fromCharCode(randomInt(random, 0x10000));
  }
  return text;
}

function randomPath(random: Random): string {
  const depth = 1 + randomInt(random, 3);
  const segments: string[] = [];
  for (let index = 0; index < depth; index += 1) {
    segments.push(random() < 0.7 ? pick(random, ['src', 'a', 'b.ts']) : randomText(random, 3));
  }
  return segments.join('/');
}

function randomEntry(random: Random): PlanEntry {
  const level = pick(random, LEVELS);
  const note = random() < 0.5 ? undefined : randomText(random, 4);
  const text = randomText(random, 40);
  return makeEntry(randomPath(random), level, { text, note, language: pick(random, LANGUAGES) });
}

function randomSkipped(random: Random): SkippedFile {
  const detail = random() < 0.5 ? undefined : randomText(random, 3);
  return { path: randomPath(random), reason: pick(random, SKIP_REASONS), ...(detail === undefined ? {} : { detail }) };
}

/** A plan of 0–7 entries, 0–2 skipped files and maybe a collapsed directory, with a random header. */
export function randomBundleInput(random: Random, style: Style): BundleInput {
  const entries = Array.from({ length: randomInt(random, 8) }, () => randomEntry(random));
  const skipped = Array.from({ length: randomInt(random, 3) }, () => randomSkipped(random));
  const collapsed = random() < 0.2 ? [{ path: pick(random, ['src', 'a', '']), fileCount: randomInt(random, 5_000) }] : [];
  const header = {
    rootName: randomText(random, 4),
    tokenizer: pick(random, ['o200k', 'cl100k']),
    budget: randomInt(random, 2_000_000),
    tokens: randomInt(random, 2_000_000),
    fileCount: entries.length + skipped.length,
  };
  return { style, header, plan: { entries, collapsed, budget: header.budget }, skipped };
}
