import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pack } from '../../src/index.js';
import { defaultEnv } from '../../src/pack-env.js';
import { RACY_WINDOW_MS } from '../../src/pack-result-cache.js';
import { makeRepo, type TempRepo } from '../helpers/make-repo.js';

const FILES = {
  'README.md': '# demo\n\nA small service.\n',
  'src/app.ts': 'export function handle(path: string): string {\n  return path.toUpperCase();\n}\n',
  'src/util.ts': 'export const twice = (n: number): number => n * 2;\n',
};

/** Results are only stored for a tree whose files are older than the racy window. */
const settle = () => new Promise((resolve) => setTimeout(resolve, RACY_WINDOW_MS + 200));

let repo: TempRepo;
let cacheDirectory: string;

beforeAll(async () => {
  repo = await makeRepo(FILES, { commit: true });
  await settle();
});

afterEach(async () => {
  await rm(cacheDirectory, { recursive: true, force: true });
});

async function freshCache(): Promise<string> {
  cacheDirectory = await mkdtemp(join(tmpdir(), 'repopack-results-'));
  return cacheDirectory;
}

async function storedResults(): Promise<string[]> {
  try {
    return (await readdir(join(cacheDirectory, 'results'))).map((name) => join(cacheDirectory, 'results', name));
  } catch {
    return [];
  }
}

/** Replace every stored bundle by `marker`: a run that returns it was answered from the store. */
async function markStoredResults(marker: string): Promise<void> {
  for (const file of await storedResults()) {
    const stored = JSON.parse(await readFile(file, 'utf8')) as { value: string };
    const value = JSON.parse(stored.value) as { bundle: string };
    await writeFile(file, JSON.stringify({ ...stored, value: JSON.stringify({ ...value, bundle: marker }) }));
  }
}

// The last test edits the repository: keep it last.
describe('result cache', () => {
  it('answers an unchanged tree with the same options from the store, byte for byte', async () => {
    const options = { root: repo.root, budget: 8_000, cacheDirectory: await freshCache() };
    const first = await pack(options);
    expect(await storedResults()).toHaveLength(1);
    const second = await pack(options);
    expect(second.bundle).toBe(first.bundle);
    expect(second.report.plan.entries.map((entry) => entry.path)).toEqual(first.report.plan.entries.map((entry) => entry.path));
    await markStoredResults('FROM THE STORE');
    expect((await pack(options)).bundle).toBe('FROM THE STORE');
    expect((await pack({ ...options, budget: 9_000 })).bundle).not.toBe('FROM THE STORE');
    expect((await pack(options, { ...defaultEnv(), createSyntaxAnalyzer: undefined })).bundle).not.toBe('FROM THE STORE');
  });

  it('ignores a result written by another build or a corrupt one, and writes nothing with cache off', async () => {
    const options = { root: repo.root, budget: 8_000, cacheDirectory: await freshCache() };
    const first = await pack(options);
    expect(await storedResults()).toHaveLength(1);
    for (const file of await storedResults()) {
      const stored = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
      await writeFile(file, JSON.stringify({ ...stored, fingerprint: 'another-build', value: '{"bundle":"FOREIGN"}' }));
    }
    expect((await pack(options)).bundle).toBe(first.bundle);
    for (const file of await storedResults()) await writeFile(file, '{ not json');
    expect((await pack(options)).bundle).toBe(first.bundle);
    const offDirectory = await mkdtemp(join(tmpdir(), 'repopack-results-off-'));
    await pack({ ...options, cache: false, cacheDirectory: offDirectory });
    expect(await readdir(offDirectory)).toEqual([]);
    await rm(offDirectory, { recursive: true, force: true });
  });

  it('never serves a changed file, even one edited to the same size with its mtime set back', async () => {
    const options = { root: repo.root, budget: 8_000, cacheDirectory: await freshCache() };
    await pack(options);
    await markStoredResults('STALE');
    const utilPath = join(repo.root, 'src', 'util.ts');
    const before = await stat(utilPath);
    const sameSize = 'export const thrix = (n: number): number => n * 3;\n';
    expect(sameSize.length).toBe(FILES['src/util.ts'].length);
    await repo.write('src/util.ts', sameSize);
    await utimes(utilPath, before.atime, before.mtime);
    const edited = await pack(options);
    expect(edited.bundle).toContain('thrix');
    // Just written: inside the racy window, so this result is not stored and the next run packs again.
    expect(await storedResults()).toHaveLength(1);
    expect((await pack(options)).bundle).toBe(edited.bundle);
  });
});
