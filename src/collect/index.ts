/**
 * collect: a root directory and filters in → the readable text files under it (decoded once) and the files set
 * aside with a reason. Inside a git work tree the file list is what `git ls-files --cached --others
 * --exclude-standard` shows; elsewhere the tree is walked honouring nested ignore files.
 */
import type { Collection } from '../shared/types.js';

/** Options of `collectFiles`. */
export interface CollectOptions {
  /** Absolute path of the directory to pack. */
  readonly root: string;
  /** Globs (relative to root); when non-empty, only matching files are kept. */
  readonly include: readonly string[];
  /** Extra globs to leave out, on top of .gitignore, .ignore, .repopackignore and the built-in defaults. */
  readonly ignore: readonly string[];
  /** Files larger than this are skipped with reason `too-large` before being read. */
  readonly maxFileBytes: number;
}

export declare function collectFiles(options: CollectOptions): Promise<Collection>;
