import { describe, expect, it } from '@jest/globals';
import { countBoundaryPieces, isCountBoundary, loadTokenizer } from '../../src/tokenize/index.js';
import { mulberry32 } from '../helpers/prng.js';

const LINE_STARTS = ['', '  ', '    ', '\t', '/', '//', ' \u3000', 'src/', 'README.md', '日本/', '<', "'s", '🎉', '12'];
const LINE_BODIES = ['', 'a.ts (full)', 'lib/ (1,234 files)', 'x y', '\r', '  ', '&lt;b&gt;', 'ü', '/'];

/** Tree-like text: lines of random indentation and names, some blank, some without a final line feed. */
function treeLike(seed: number): string {
  const next = mulberry32(seed);
  const lines = Array.from({ length: Math.floor(next() * 30) }, () => {
    const start = LINE_STARTS[Math.floor(next() * LINE_STARTS.length)]!;
    return start + LINE_BODIES[Math.floor(next() * LINE_BODIES.length)]!;
  });
  return lines.join('\n') + (next() < 0.5 ? '\n' : '');
}

describe('countBoundaryPieces', () => {
  it('cuts only at count boundaries, at every line start that is one, and loses nothing', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const text = treeLike(seed);
      const pieces = countBoundaryPieces(text);
      expect(pieces.join('')).toBe(text);
      pieces.slice(1).forEach((piece, index) => {
        expect(piece.length).toBeGreaterThan(0);
        expect(isCountBoundary(pieces[index]!, piece)).toBe(true);
      });
      // No piece holds a line start where it could have been cut.
      for (const piece of pieces) {
        for (let at = piece.indexOf('\n'); at >= 0 && at + 1 < piece.length; at = piece.indexOf('\n', at + 1)) {
          expect(isCountBoundary(piece.slice(0, at + 1), piece.slice(at + 1))).toBe(false);
        }
      }
    }
  });

  it('gives pieces whose o200k and cl100k counts add up to the count of the whole', async () => {
    for (const name of ['o200k', 'cl100k'] as const) {
      const tokenizer = await loadTokenizer(name);
      for (let seed = 1; seed <= 150; seed++) {
        const text = treeLike(seed);
        const sum = countBoundaryPieces(text).reduce((total, piece) => total + tokenizer.count(piece), 0);
        expect(sum).toBe(tokenizer.count(text));
      }
    }
  });

  it('keeps a text without such a line start whole', () => {
    expect(countBoundaryPieces('')).toEqual(['']);
    expect(countBoundaryPieces('a\n  b\n/c\n')).toEqual(['a\n  b\n/c\n']);
    expect(countBoundaryPieces('a/\n  b\nc/\n  d\n')).toEqual(['a/\n  b\n', 'c/\n  d\n']);
  });
});
