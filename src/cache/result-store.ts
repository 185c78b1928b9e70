/**
 * Whole results kept across runs, one file each: a re-run on an unchanged tree with the same options answers from
 * here without reading a file. Each file names the code fingerprint and the key it was written for, so a foreign
 * build or a hash collision reads as a miss; writes are atomic; the oldest files go past MAX_RESULT_FILES.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Results kept. One per repository and option set a user packs repeatedly; a 1M-token bundle is ~4 MB, so 32
 * results bound the folder near 256 MB in the worst case and a few MB usually.
 */
export const MAX_RESULT_FILES = 32;

/** Whole results by key. */
export interface ResultStore {
  /** The value stored under `key`, or undefined (missing, foreign, corrupt). */
  get(key: string): string | undefined;
  /** Store `value` under `key`. Returns a warning instead of throwing when the folder cannot be written. */
  set(key: string, value: string): string | undefined;
}

interface StoredResult {
  readonly fingerprint: string;
  readonly key: string;
  readonly value: string;
}

/** The store in `directory` (created on the first write), valid for results of the build `fingerprint`. */
export function openResultStore(directory: string, fingerprint: string): ResultStore {
  const fileOf = (key: string) => join(directory, `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.json`);
  return {
    get(key) {
      try {
        const stored = JSON.parse(readFileSync(fileOf(key), 'utf8')) as Partial<StoredResult>;
        if (stored.fingerprint !== fingerprint || stored.key !== key || typeof stored.value !== 'string') return undefined;
        return stored.value;
      } catch {
        return undefined;
      }
    },
    set(key, value) {
      const target = fileOf(key);
      const temporary = `${target}.${process.pid}.tmp`;
      try {
        mkdirSync(directory, { recursive: true });
        writeFileSync(temporary, JSON.stringify({ fingerprint, key, value } satisfies StoredResult));
        renameSync(temporary, target);
        pruneOldest(directory);
        return undefined;
      } catch (error) {
        try {
          unlinkSync(temporary);
        } catch {
          // Nothing was written, or it is already gone.
        }
        return `result cache not written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
      }
    },
  };
}

/** Remove the least recently written results beyond MAX_RESULT_FILES; a file another run removed first is fine. */
function pruneOldest(directory: string): void {
  const files = readdirSync(directory).filter((name) => name.endsWith('.json'));
  if (files.length <= MAX_RESULT_FILES) return;
  const dated = files.flatMap((name) => {
    try {
      return [{ name, written: statSync(join(directory, name)).mtimeMs }];
    } catch {
      return [];
    }
  });
  dated.sort((a, b) => a.written - b.written || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const { name } of dated.slice(0, dated.length - MAX_RESULT_FILES)) {
    try {
      unlinkSync(join(directory, name));
    } catch {
      // Already gone.
    }
  }
}
