import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSyntaxAnalyzer, isSyntaxFailure, type FileSyntax } from '../../src/analyze/index.js';
import { openCache } from '../../src/cache/index.js';
import { variantsWithCache } from '../../src/pack-cache.js';
import { buildVariants, unparsedVariants } from '../../src/represent/index.js';
import { estimateTokens } from '../../src/tokenize/index.js';
import type { SourceFile } from '../../src/shared/types.js';
import { sourceAt } from '../helpers/source-file.js';

const file = (path: string, text: string): SourceFile => sourceAt(path, text);

describe('buildVariants', () => {
  it('offers richest to cheapest, each strictly cheaper, ending with path', () => {
    const text = Array.from({ length: 400 }, (_, i) => `int f${i}(void) { return ${i}; } // comment ${i}`).join('\n') + '\n';
    const variants = buildVariants({ file: file('src/a.c', text) }, estimateTokens);
    expect(variants.map((v) => v.level)).toEqual(['full', 'stripped', 'head', 'head', 'head', 'path']);
    for (let i = 1; i < variants.length; i++) expect(variants[i]!.tokens).toBeLessThan(variants[i - 1]!.tokens);
    const head = variants[2]!;
    expect(head.level === 'head' && head.note).toMatch(/^first \d+ of 400 lines$/);
  });

  it('never shows a line longer than 5,000 characters: minified or generated text gets only cut heads', () => {
    const minified = 'var a="' + 'x'.repeat(300_000) + '";\n';
    const variants = buildVariants({ file: file('dist-like/app.js', minified) }, estimateTokens);
    expect(variants.map((v) => v.level)).toEqual(['head', 'head', 'head', 'path']);
    for (const variant of variants) if (variant.level !== 'path') expect(variant.text.length).toBeLessThanOrEqual(5_001);
    const first = variants[0]!;
    expect(first.level === 'head' && first.note).toContain('lines over 5000 characters are cut');
  });

  it('unparsed variants are the full text and the same heads, with no text-level stripping', () => {
    const text = Array.from({ length: 400 }, (_, i) => `int f${i}(void) { return ${i}; } // comment ${i}`).join('\n') + '\n';
    const built = buildVariants({ file: file('src/a.c', text) }, estimateTokens);
    const unparsed = unparsedVariants(file('src/a.c', text), estimateTokens);
    expect(unparsed.map((v) => v.level)).toEqual(['full', 'head', 'head', 'head', 'path']);
    expect(unparsed.filter((v) => v.level === 'head')).toEqual(built.filter((v) => v.level === 'head'));
  });

  it('a small file has only its full text and its path', () => {
    const variants = buildVariants({ file: file('src/b.ts', 'export const b = 1;\n') }, estimateTokens);
    expect(variants.map((v) => v.level)).toEqual(['full', 'path']);
  });
});

describe('representations built without a re-parse', () => {
  const text = Array.from({ length: 60 }, (_, i) => `// step ${i}\nint f${i}(int a) {\n  int b = a * ${i};\n  return b + 1;\n}\n`).join('\n');
  const cFile = file('src/steps.c', text);

  async function analyze(): Promise<FileSyntax> {
    const analyzer = await createSyntaxAnalyzer();
    try {
      const result = await analyzer.analyze(cFile);
      if (isSyntaxFailure(result)) throw new Error(result.failure);
      return result;
    } finally {
      analyzer.dispose();
    }
  }

  it('marks the stripped and skeleton variants unverified, and nothing else', async () => {
    const syntax = await analyze();
    expect(syntax.representationsUnchecked).toBe(true);
    const variants = buildVariants({ file: cFile, syntax }, estimateTokens);
    const marked = variants.filter((v) => v.level !== 'path' && v.unverified === true).map((v) => v.level);
    expect(marked).toEqual(['stripped', 'skeleton']);
    // Checked syntax (no flag) and the text-level stripping without syntax are never marked.
    const { representationsUnchecked: _flag, ...checked } = syntax;
    expect(buildVariants({ file: cFile, syntax: checked }, estimateTokens).some((v) => v.level !== 'path' && v.unverified)).toBe(false);
    expect(buildVariants({ file: cFile }, estimateTokens).some((v) => v.level !== 'path' && v.unverified)).toBe(false);
  });

  it('keeps the mark through the variant cache', async () => {
    const syntax = await analyze();
    const directory = await mkdtemp(join(tmpdir(), 'variants-unverified-'));
    try {
      const store = { cache: openCache({ directory }), namespace: 'variants-test' };
      const cold = variantsWithCache({ file: cFile, syntax }, estimateTokens, store);
      const warm = variantsWithCache({ file: cFile, syntax }, estimateTokens, store);
      const marks = (variants: typeof cold) => variants.map((v) => [v.level, v.level !== 'path' && v.unverified === true]);
      expect(marks(warm)).toEqual(marks(cold));
      expect(marks(warm).filter(([, mark]) => mark)).toHaveLength(2);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
