/**
 * An exact, cheap fingerprint of everything git hands a snapshot: HEAD (the diff's base and the history), the branch
 * (named in the diff's description), every index entry (mode, blob id, stage, path: the staged content itself), and
 * the work-tree bytes of the files a pack of the index still reads from the work tree (ignore and attribute files).
 * `git ls-files --stage` reads the index and writes nothing (unlike `git write-tree`, which adds a tree object).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GitRunner } from './git-runner.js';
import { readRepoState } from './repo-state.js';

/**
 * Files whose work-tree text shapes a pack of the index: `.repopackignore` files (read from the work tree, often
 * untracked) and `.gitattributes` (git reads them from the work tree when diffing the index: `binary`, `-diff`).
 */
const WORK_TREE_INPUT_NAMES: readonly string[] = ['.repopackignore', '.gitattributes'];

/** What `readIndexFingerprint` saw; equal fingerprints mean git would hand a snapshot the same inputs. */
export interface IndexFingerprint {
  /** Full hash of HEAD; undefined before the first commit. */
  readonly head: string | undefined;
  readonly branch: string | undefined;
  /** The directory relative to the top level (`src/`), `''` at the top. */
  readonly prefix: string;
  readonly isShallow: boolean;
  /** SHA-256 (hex) of the index entries under the directory, the excluded paths left out. */
  readonly entries: string;
  /** `path → SHA-256 of its work-tree bytes` (`null` when absent) for each ignore or attribute file, sorted by path. */
  readonly workTreeInputs: readonly (readonly [string, string | null])[];
}

/**
 * Reads the fingerprint of `git.cwd`. `exclude` are paths relative to it (POSIX) left out of the entries, e.g. the
 * snapshot file itself, so that staging the snapshot does not make the next one look stale. Throws like
 * `readRepoState` outside a work tree.
 */
export async function readIndexFingerprint(git: GitRunner, exclude: readonly string[] = []): Promise<IndexFingerprint> {
  const state = await readRepoState(git);
  const output = await git.text(['ls-files', '-z', '--stage', '--cached']);
  const excluded = new Set(exclude);
  const digest = createHash('sha256');
  const inputs = new Set(WORK_TREE_INPUT_NAMES);
  for (const record of output.split('\0')) {
    if (record === '') continue;
    const path = record.slice(record.indexOf('\t') + 1);
    if (excluded.has(path)) continue;
    digest.update(record).update('\0');
    if (WORK_TREE_INPUT_NAMES.includes(path.slice(path.lastIndexOf('/') + 1))) inputs.add(path);
  }
  const paths = [...inputs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const workTreeInputs = await Promise.all(paths.map(async (path) => [path, await digestOfFile(join(git.cwd, path))] as const));
  return {
    head: state.head,
    branch: state.branch,
    prefix: state.prefix,
    isShallow: state.isShallow,
    entries: digest.digest('hex'),
    workTreeInputs,
  };
}

/** SHA-256 (hex) of a file's bytes, or null when it cannot be read (absent: nothing to apply). */
async function digestOfFile(path: string): Promise<string | null> {
  try {
    return createHash('sha256').update(await readFile(path)).digest('hex');
  } catch {
    // Absent or unreadable: the pack treats both as "no rules here", so the fingerprint records just that.
    return null;
  }
}
