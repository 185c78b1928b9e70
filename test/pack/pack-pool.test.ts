import { describe, expect, it } from '@jest/globals';
import { pack } from '../../src/index.js';
import { POOL_BUDGETS, POOL_MIN_FILES, poolByRank, screenPool } from '../../src/pack-pool.js';
import type { Collection, RankedFile, SourceFile } from '../../src/shared/types.js';
import { makeRepo } from '../helpers/make-repo.js';

/** Assembled at run time so the repository holds no scanner-looking literal. */
const AWS_KEY_LINE = `aws_key = "${['AK', 'IA', 'Z7Q3XK2M5N8P4R6T'].join('')}"\n`;

function sourceFile(path: string, text: string): SourceFile {
  return { path, bytes: text.length, kind: 'code', language: 'python', encoding: 'utf8', text };
}

function rankedFiles(texts: readonly string[]): RankedFile[] {
  return texts.map((text, index) => ({
    file: sourceFile(`f${String(index).padStart(3, '0')}.py`, text),
    score: texts.length - index,
    reasons: [],
  }));
}

function collectionOf(ranked: readonly RankedFile[]): Collection {
  return { files: ranked.map((rankedFile) => rankedFile.file), skipped: [], warnings: [] };
}

describe('poolByRank', () => {
  it('keeps the best-ranked files up to the pool line and lists the rest by path', () => {
    const ranked = rankedFiles(Array.from({ length: 1_000 }, () => 'x'.repeat(300))); // ~100 tokens each
    const { pool, pathOnly, fitsWhole } = poolByRank(ranked, 10_000);
    expect(fitsWhole).toBe(false);
    expect(pool.length).toBe((POOL_BUDGETS * 10_000) / 100);
    expect(pool.map((rankedFile) => rankedFile.file.path)).toEqual(ranked.slice(0, pool.length).map((rankedFile) => rankedFile.file.path));
    expect(pathOnly.size).toBe(1_000 - pool.length);
    expect(pathOnly.has('f999.py')).toBe(true);
  });

  it('holds at least POOL_MIN_FILES files when a few big files spend its budgets', () => {
    const ranked = rankedFiles(Array.from({ length: 400 }, () => 'x'.repeat(3_000))); // ~1,000 tokens each
    const { pool, pathOnly } = poolByRank(ranked, 5_000);
    expect(pool.length).toBe(POOL_MIN_FILES);
    expect(pathOnly.size).toBe(400 - POOL_MIN_FILES);
  });

  it('pools everything when the repository fits whole or when every file must be compressed', () => {
    const ranked = rankedFiles(['a = 1\n', 'b = 2\n']);
    expect(poolByRank(ranked, 1_000)).toMatchObject({ fitsWhole: true, pathOnly: new Set() });
    const big = rankedFiles(Array.from({ length: 50 }, () => 'y'.repeat(3_000)));
    expect(poolByRank(big, 1_000, true).pool).toHaveLength(50);
  });
});

describe('screenPool', () => {
  it('drops pool files with secrets into skipped and releases the text of path-only files', () => {
    const ranked = rankedFiles([AWS_KEY_LINE, 'clean = True\n', AWS_KEY_LINE]);
    const split = { pool: ranked.slice(0, 2), pathOnly: new Set([ranked[2]!.file.path]), fitsWhole: false };
    const screened = screenPool(ranked, split, collectionOf(ranked), { mode: 'drop', cache: undefined });
    expect(screened.collection.skipped.map((skipped) => [skipped.path, skipped.reason])).toEqual([['f000.py', 'secret']]);
    expect(screened.ranked.map((rankedFile) => [rankedFile.file.path, rankedFile.file.text])).toEqual([
      ['f001.py', 'clean = True\n'],
      ['f002.py', ''],
    ]);
    expect(screened.redactions.map((redaction) => redaction.path)).toEqual(['f000.py']);
  });
});

describe('pack with a pool line', () => {
  it('lists files below the line by path and never shows their text, within budget', async () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < 60; index++) {
      files[`src/module_${String(index).padStart(2, '0')}.py`] = `def handler_${index}():\n    return ${index}\n`.repeat(120);
    }
    const repo = await makeRepo(files);
    const result = await pack({ root: repo.root, budget: 4_000, cache: false });
    const levels = new Map(result.report.plan.entries.map((entry) => [entry.path, entry.variant.level]));
    const pathOnly = [...levels].filter(([, level]) => level === 'path').map(([path]) => path);
    expect(pathOnly).toContain('src/module_59.py');
    for (const path of pathOnly) expect(result.bundle).not.toContain(`<file path="${path}"`);
    expect(result.report.tokens).toBeLessThanOrEqual(4_000);
  });
});
