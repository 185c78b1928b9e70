/**
 * A stamp of a listed tree from file metadata alone, the way git's index tells a clean file without reading it: per
 * path the size, modification and change times in nanoseconds, inode and mode (of a symlink's target too). Any
 * write to a file changes its ctime, which no tool can set back, so equal stamps mean unchanged content — except for
 * a file written again within the same clock tick after it was stamped. `newestChangeMs` lets the caller refuse to
 * trust a stamp taken while files were that fresh.
 */
import { createHash } from 'node:crypto';
import { type BigIntStats, lstatSync, statSync } from 'node:fs';
import { toAbsolute } from './root-paths.js';

/** A digest of the metadata of every listed path. */
export interface TreeStamp {
  readonly digest: string;
  /** Latest modification or change time among the files, in milliseconds since the epoch (0 for an empty tree). */
  readonly newestChangeMs: number;
}

/** Stamp `paths` (relative to `root`). Paths that cannot be stat-ed are stamped by their error code. */
export function stampTree(root: string, paths: readonly string[]): TreeStamp {
  const hash = createHash('sha256');
  let newest = 0n;
  for (const path of paths) {
    const absolute = toAbsolute(root, path);
    hash.update(path).update('\0');
    const entry = statOrCode(() => lstatSync(absolute, { bigint: true }));
    if (typeof entry === 'string') {
      hash.update(entry).update('\n');
      continue;
    }
    hash.update(describe(entry));
    newest = maxChange(newest, entry);
    if (entry.isSymbolicLink()) {
      const target = statOrCode(() => statSync(absolute, { bigint: true }));
      hash.update('→').update(typeof target === 'string' ? target : describe(target));
      if (typeof target !== 'string') newest = maxChange(newest, target);
    }
    hash.update('\n');
  }
  return { digest: hash.digest('hex'), newestChangeMs: Number(newest / 1_000_000n) };
}

function describe(entry: BigIntStats): string {
  return `${entry.size} ${entry.mtimeNs} ${entry.ctimeNs} ${entry.ino} ${entry.mode}`;
}

function maxChange(newest: bigint, entry: BigIntStats): bigint {
  const changed = entry.mtimeNs > entry.ctimeNs ? entry.mtimeNs : entry.ctimeNs;
  return changed > newest ? changed : newest;
}

function statOrCode(read: () => BigIntStats): BigIntStats | string {
  try {
    return read();
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? 'error';
  }
}
