import { scanImports, type ImportReference } from '../../src/analyze/index.js';
import type { SourceFile } from '../../src/shared/types.js';

/** The anchored patterns the line-start scan replaces: their matches are the oracle. */
const RUST_MOD = /^[ \t]*(?:pub(?:\([^)]*\))?\s+)?mod\s+(\w+)\s*;/gm;
const RUST_USE = /^[ \t]*(?:pub(?:\([^)]*\))?\s+)?use\s+([\w:]+)/gm;

function oracle(text: string): ImportReference[] {
  const found: ImportReference[] = [];
  for (const match of text.matchAll(RUST_MOD)) if (match[1]) found.push({ kind: 'rust-mod', specifier: match[1] });
  for (const match of text.matchAll(RUST_USE)) if (match[1]) found.push({ kind: 'rust-use', specifier: match[1] });
  return found;
}

function rustFile(text: string): SourceFile {
  return { path: 'src/lib.rs', bytes: text.length, language: 'rust', encoding: 'utf8', text } as SourceFile;
}

/** Deterministic pseudo-random generator (LCG), so a failure reproduces. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const PIECES = ['mod a;', 'pub mod b ;', 'pub(crate)\nmod c;', 'pub(in crate::x) mod d;', '  use crate::e::f;', '\tpub use g::h',
  'use', ' mod', 'pub(', ')', 'fn main() {}', 'user::x', 'modern;', 'use std::{io, fmt};', '// mod z;', 'pub\n\nuse k;', ' ',
  '\n', '\n', '\n', ';', 'mod\ne\n;', 'umod u;', 'pmod p;', '(', 'pub((', 'pub(a(b)\n use q;', '\t', 'pub\u00a0mod n;'];

function randomText(random: () => number, pieces: readonly string[]): string {
  const count = 5 + Math.floor(random() * 40);
  return Array.from({ length: count }, () => pieces[Math.floor(random() * pieces.length)]!).join(random() < 0.5 ? '' : '\n');
}

describe('scanImports on Rust', () => {
  it('finds the same mod and use declarations as the anchored patterns, in the same order', () => {
    const random = seeded(11);
    let declarations = 0;
    for (let round = 0; round < 400; round++) {
      const text = randomText(random, PIECES);
      const expected = oracle(text);
      declarations += expected.length;
      expect([text, scanImports(rustFile(text))]).toEqual([text, expected]);
    }
    expect(declarations).toBeGreaterThan(1000);
  });

  it('agrees on texts with CR, LINE SEPARATOR and PARAGRAPH SEPARATOR line breaks', () => {
    const random = seeded(5);
    for (let round = 0; round < 100; round++) {
      const text = randomText(random, [...PIECES, '\r\n', '\r', '\u2028', '\u2029']);
      expect([text, scanImports(rustFile(text))]).toEqual([text, oracle(text)]);
    }
  });

  it('tries every `(` a `pub(…)` may open, and skips declarations inside an earlier match', () => {
    const text = 'pub(a(b) mod one;\npub(\nmod two;\n) mod three;\n';
    expect(scanImports(rustFile(text))).toEqual(oracle(text));
    expect(oracle(text).map((reference) => reference.specifier)).toEqual(['one', 'three']);
  });

  it('reads a declaration spanning lines once and resumes after it', () => {
    const text = 'pub(crate)\nmod inner;\nuse crate::inner::Thing;\nmod next;\n';
    expect(scanImports(rustFile(text))).toEqual([
      { kind: 'rust-mod', specifier: 'inner' },
      { kind: 'rust-mod', specifier: 'next' },
      { kind: 'rust-use', specifier: 'crate::inner::Thing' },
    ]);
  });
});
