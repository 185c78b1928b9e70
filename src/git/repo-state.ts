import { GitError, UsageError } from '../shared/errors.js';
import type { GitRunner } from './git-runner.js';

/** Where a directory sits in git, enough to pick diff arguments. */
export interface RepoState {
  /** Absolute path of the work tree's top level. */
  readonly topLevel: string;
  /** The directory relative to the top level, with a trailing slash (`src/`), or `''` at the top. */
  readonly prefix: string;
  /** Full hash of HEAD; undefined in a repository with no commits yet. */
  readonly head: string | undefined;
  /** Symbolic branch of HEAD (`main`); undefined when HEAD is detached or unborn. */
  readonly branch: string | undefined;
  readonly isShallow: boolean;
}

/** The hash of git's empty tree: the "before" of a repository with no commits. */
export const EMPTY_TREE_HASH = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

/**
 * Reads the repository state of `git.cwd`. Throws `UsageError` (with a hint) when the directory is not inside a work
 * tree, e.g. outside any repository or inside `.git`.
 */
export async function readRepoState(git: GitRunner): Promise<RepoState> {
  let lines: string[];
  try {
    const output = await git.text(['rev-parse', '--is-inside-work-tree', '--show-toplevel', '--show-prefix', '--is-shallow-repository']);
    lines = output.split('\n');
  } catch (error) {
    if (error instanceof GitError && /not a git repository/i.test(error.message)) throw notARepository(git.cwd, error);
    throw error;
  }
  if (lines[0] !== 'true') throw notARepository(git.cwd, undefined);
  const head = (await readHead(git)) ?? '';
  const branch = await optionalOutput(git, ['symbolic-ref', '--quiet', '--short', 'HEAD']);
  return {
    topLevel: lines[1] ?? git.cwd,
    prefix: lines[2] ?? '',
    head: head === '' ? undefined : head,
    branch: branch === '' || head === '' ? undefined : branch,
    isShallow: lines[3] === 'true',
  };
}

/** Full hash of HEAD; undefined when there is none (no commits yet, or not a repository). Throws when git is missing. */
export async function readHead(git: GitRunner): Promise<string | undefined> {
  const head = await optionalOutput(git, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  return head === '' ? undefined : head;
}

/** Trimmed stdout, or `''` when git exits non-zero (a missing HEAD, a detached HEAD). */
async function optionalOutput(git: GitRunner, args: readonly string[]): Promise<string> {
  try {
    return (await git.text(args)).trim();
  } catch (error) {
    if (error instanceof GitError && /not found on PATH/.test(error.message)) throw error;
    return '';
  }
}

/** A usage error (exit 2): the user asked for changes where git has none to give. */
function notARepository(directory: string, _cause: unknown): UsageError {
  return new UsageError(
    `${directory} is not inside a git work tree, so there are no changes to show`,
    'run inside a git repository, or leave out --diff, --staged, --base, --log and snapshot',
  );
}
