/**
 * sibling signal: code files in the same directory as the task's best matches. A change rarely stays in one file of a
 * package, and in Go (a package is a directory) or Python and TS modules split by concern, the other files of that
 * directory share its names without importing each other, so neither the words nor the import graph find them.
 */
import type { SourceFile } from '../shared/types.js';
import type { SignalScore } from './signal-types.js';

/**
 * Only a directory with at most this many code files passes a sibling score: a small package is one feature, a large
 * one (fastapi/, 25 files) is the whole library. With a share of SMALL_DIRECTORY_FILES / files (or its √) for larger
 * directories, fastapi's eval at 32k lost gold files to siblings in its main package (all gold in full 60% → 55%)
 * and zod's one in its 40-file core (all gold any level 90% → 85%).
 */
export const SMALL_DIRECTORY_FILES = 8;

/** A sibling's score and the best match it sits beside. */
export interface SiblingScore extends SignalScore {
  readonly seed: string;
}

const directoryOf = (path: string): string => path.slice(0, Math.max(0, path.lastIndexOf('/')));

/**
 * Sibling score in [0, 1] per code file: for each seed (a best match, with its share of the best score in (0, 1]),
 * the other code files of its directory get that share, none in a directory of more than SMALL_DIRECTORY_FILES code
 * files; the best seed of a directory wins and is named, so the caller can keep a sibling below it.
 */
export function siblingSignal(files: readonly SourceFile[], seeds: ReadonlyMap<string, number>): Map<string, SiblingScore> {
  const codeFiles = new Map<string, number>();
  for (const file of files) if (file.kind === 'code') codeFiles.set(directoryOf(file.path), (codeFiles.get(directoryOf(file.path)) ?? 0) + 1);
  const byDirectory = new Map<string, { share: number; seed: string }>();
  for (const [path, share] of seeds) {
    const directory = directoryOf(path);
    const previous = byDirectory.get(directory);
    if (previous === undefined || share > previous.share) byDirectory.set(directory, { share, seed: path });
  }
  const result = new Map<string, SiblingScore>();
  for (const file of files) {
    const found = file.kind === 'code' ? byDirectory.get(directoryOf(file.path)) : undefined;
    if (found === undefined || seeds.has(file.path)) continue;
    const size = codeFiles.get(directoryOf(file.path)) ?? 1;
    if (size > SMALL_DIRECTORY_FILES) continue;
    result.set(file.path, { score: found.share, seed: found.seed, reasons: [`beside ${found.seed}`] });
  }
  return result;
}
