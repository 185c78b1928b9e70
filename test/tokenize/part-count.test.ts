import { describe, expect, it } from '@jest/globals';
import { countParts, isCountBoundary, loadTokenizer, memoisedCount, type Tokenizer } from '../../src/tokenize/index.js';
import { TOKEN_SAMPLES } from './token-samples.js';
import { mulberry32 } from '../helpers/prng.js';

/** Pieces chosen to stress the pre-tokeniser near a cut: line feeds, carriage returns, spaces, tabs, slashes,
 * apostrophes, case changes, digits, CJK, combining marks, emoji, Unicode spaces and XML-ish punctuation. */
const PIECES = [
  '\n', '\n\n', '\r\n', '\r', ' ', '  ', '\t', '\u00a0', '\u3000', '/', '//', '</', '<', '>', "'s", "'ll", "'",
  'a', 'Z', 'The', 'camelCase', 'HTTPServer', 'snake_case', '0', '12', '1234', '日本', 'é', 'e\u0301', '\u0301', '🎉',
  '{', '}', '();', '=>', '#', '```', '"', '<![CDATA[', ']]>', '-', '*', '.', ',', ':', '\\', '|', '<|endoftext|>',
];

function randomText(next: () => number, pieces: number): string {
  let text = '';
  for (let index = 0; index < pieces; index++) text += PIECES[Math.floor(next() * PIECES.length)]!;
  return text;
}

/** Random parts, each cut exactly where `isCountBoundary` allows, plus parts glued where it does not. */
function randomParts(seed: number): string[] {
  const next = mulberry32(seed);
  const parts: string[] = [];
  const count = 1 + Math.floor(next() * 8);
  for (let index = 0; index < count; index++) {
    const body = randomText(next, Math.floor(next() * 40));
    // Most parts end with a line feed (as bundle parts do); some do not, so the glue path runs too.
    parts.push(next() < 0.8 ? `${body}\n` : body);
  }
  return parts;
}

const tokenizers: Tokenizer[] = [];

describe('countParts', () => {
  it('loads the additive tokenizers', async () => {
    for (const name of ['o200k', 'cl100k'] as const) {
      const tokenizer = await loadTokenizer(name);
      expect(tokenizer.additiveAtLineStarts).toBe(true);
      tokenizers.push(tokenizer);
    }
  });

  it('equals the count of the joined text on 1,500 random texts per tokenizer', () => {
    let cutsTaken = 0;
    for (const tokenizer of tokenizers) {
      const count = (text: string) => tokenizer.count(text);
      for (let seed = 1; seed <= 1500; seed++) {
        const parts = randomParts(seed);
        for (let index = 1; index < parts.length; index++) if (isCountBoundary(parts[index - 1]!, parts[index]!)) cutsTaken++;
        const joined = parts.join('');
        expect({ seed, tokenizer: tokenizer.name, tokens: countParts(parts, count, true) }).toEqual({
          seed,
          tokenizer: tokenizer.name,
          tokens: count(joined),
        });
      }
    }
    // The property must be exercised, not vacuously true because no cut was ever allowed.
    expect(cutsTaken).toBeGreaterThan(2000);
  });

  it('equals the joined count for the shared sample texts cut at every allowed line start', () => {
    for (const tokenizer of tokenizers) {
      const count = (text: string) => tokenizer.count(text);
      for (const sample of TOKEN_SAMPLES) {
        const text = `<file path="a">\n${sample}\n</file>\n<file path="b">\n${sample}\n</file>\n`;
        const parts = text.split(/(?<=\n)/u);
        expect(countParts(parts, count, true)).toBe(count(text));
      }
    }
  });

  it('refuses cuts the pre-tokeniser can join across', () => {
    expect(isCountBoundary('a\n', 'b')).toBe(true);
    expect(isCountBoundary('a\n', '<file')).toBe(true);
    expect(isCountBoundary('a', 'b')).toBe(false);
    expect(isCountBoundary('a\n', ' b')).toBe(false);
    expect(isCountBoundary('a\n', '\nb')).toBe(false);
    expect(isCountBoundary('}\n', '/* c */')).toBe(false);
    expect(isCountBoundary('a\n', '\u00a0b')).toBe(false);
  });

  it('counts the joined text once when the tokenizer is not additive', () => {
    const seen: string[] = [];
    const tokens = countParts(['a\n', 'b\n'], (text) => (seen.push(text), text.length), false);
    expect(seen).toEqual(['a\nb\n']);
    expect(tokens).toBe(4);
  });

  it('remembers what it counted', () => {
    let calls = 0;
    const count = memoisedCount((text) => (calls++, text.length));
    expect(count('abc') + count('abc') + count('de')).toBe(8);
    expect(calls).toBe(2);
  });
});
