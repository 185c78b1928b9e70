import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GitError, UsageError } from '../shared/errors.js';
import type { ChangeSet, CommitSummary, DiffMode, FileChange } from '../shared/types.js';
import { createGitRunner, type GitRunner } from './git-runner.js';
import { LOG_FIELD, LOG_RECORD, parseCommitLog, parseNumstat, parseRawDiff, patchHeader, splitPatch } from './diff-parse.js';
import { decidePatch, trimPatchHeader } from './diff-policy.js';
import { describeChange, type ChangeFacts } from './diff-summary.js';
import { EMPTY_TREE_HASH, readRepoState, type RepoState } from './repo-state.js';

/** Options of `collectChanges`. */
export interface ChangeOptions {
  /** Absolute directory being packed; diff paths are relative to it and limited to it. */
  readonly root: string;
  /** Which diff to take; undefined for none (e.g. `--log` alone). */
  readonly mode?: DiffMode;
  /** Number of recent commits to list (`--log N`); 0 or undefined for none. */
  readonly logCount?: number;
  /** Injected git edge; defaults to the `git` on PATH. */
  readonly git?: GitRunner;
}

/** Bytes of an untracked file inspected for NUL to call it binary (git's own heuristic looks at 8,000). */
const BINARY_SNIFF_BYTES = 8_000;

/** Options every diff gets: rename detection, fixed prefixes, short submodule lines, no drivers or colour. */
const DIFF_ARGS: readonly string[] = [
  'diff', '--no-color', '--no-ext-diff', '--no-textconv', '--relative', '-M',
  '--src-prefix=a/', '--dst-prefix=b/', '--submodule=short', '--ignore-submodules=none',
];

/**
 * The changes to show and the recent log of the repository holding `options.root`. Throws `UsageError` outside a
 * work tree or for a ref that names no commit, `GitError` when git fails (e.g. a merge-base beyond a shallow clone).
 */
export async function collectChanges(options: ChangeOptions): Promise<ChangeSet> {
  const git = options.git ?? createGitRunner(options.root);
  const state = await readRepoState(git);
  const commits = options.logCount ? await readLog(git, state, options.logCount) : [];
  if (!options.mode) return { description: `last ${commits.length} commits`, changes: [], commits };
  const target = await resolveTarget(git, state, options.mode);
  const changes = await diffAgainst(git, target);
  return { description: target.description, changes, commits };
}

/** What to diff against and how: `from` is a commit or tree hash; `cached` compares the index. */
interface DiffTarget {
  readonly from: string;
  readonly cached: boolean;
  readonly withUntracked: boolean;
  readonly description: string;
}

async function resolveTarget(git: GitRunner, state: RepoState, mode: DiffMode): Promise<DiffTarget> {
  const head = state.head ?? EMPTY_TREE_HASH;
  const headLabel = state.head ? `HEAD (${state.head.slice(0, 7)}${state.branch ? `, ${state.branch}` : ', detached'})` : 'an empty tree (no commits yet)';
  switch (mode.kind) {
    case 'worktree':
      return { from: head, cached: false, withUntracked: true, description: `working tree vs ${headLabel}` };
    case 'staged':
      return { from: head, cached: true, withUntracked: false, description: `staged changes vs ${headLabel}` };
    case 'ref': {
      const commit = await resolveCommit(git, mode.ref, '--diff');
      return { from: commit, cached: false, withUntracked: true, description: `working tree vs ${mode.ref} (${commit.slice(0, 7)})` };
    }
    case 'base': {
      const commit = await resolveCommit(git, mode.ref, '--base');
      const base = await mergeBase(git, state, mode.ref, commit);
      const description = `changes since the merge-base of ${mode.ref} and HEAD (${base.slice(0, 7)}), uncommitted work included`;
      return { from: base, cached: false, withUntracked: true, description };
    }
    default: {
      const unknown: never = mode;
      throw new UsageError(`unknown diff mode ${JSON.stringify(unknown)}`);
    }
  }
}

/** Full hash of the commit `ref` names; `UsageError` quoting the flag when it names none. */
async function resolveCommit(git: GitRunner, ref: string, flag: string): Promise<string> {
  try {
    return (await git.text(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).trim();
  } catch {
    // rev-parse --verify --quiet says nothing useful: the message below does.
    throw new UsageError(
      `${flag} ${ref}: not a commit in this repository`,
      'name a branch, tag or commit (git rev-parse must resolve it); in a shallow clone fetch more history first',
    );
  }
}

async function mergeBase(git: GitRunner, state: RepoState, ref: string, commit: string): Promise<string> {
  if (!state.head) throw new UsageError(`--base ${ref}: HEAD has no commits yet, so there is no merge-base`, 'commit first, or use --diff');
  try {
    return (await git.text(['merge-base', '--end-of-options', commit, state.head])).trim();
  } catch (error) {
    const hint = state.isShallow
      ? 'this is a shallow clone: fetch more history (git fetch --deepen=100 or --unshallow)'
      : `${ref} and HEAD share no history; use --diff ${ref} to compare the trees`;
    throw new GitError(`--base ${ref}: no merge-base with HEAD`, { hint, cause: error });
  }
}

/** Runs the raw, numstat and three patch diffs in parallel and joins them per path; untracked files are added. */
async function diffAgainst(git: GitRunner, target: DiffTarget): Promise<FileChange[]> {
  const range = [...(target.cached ? ['--cached'] : []), '--end-of-options', target.from, '--'];
  const [raw, numstat, functionPatch, hunkPatch, zeroPatch, untracked] = await Promise.all([
    git.text([...DIFF_ARGS, '--raw', '-z', ...range]),
    git.text([...DIFF_ARGS, '--numstat', '-z', ...range]),
    git.text([...DIFF_ARGS, '--function-context', ...range]),
    git.text([...DIFF_ARGS, '--unified=1', ...range]),
    git.text([...DIFF_ARGS, '--unified=0', ...range]),
    target.withUntracked ? listUntracked(git) : Promise.resolve([]),
  ]);
  const counts = parseNumstat(numstat);
  const patches = [functionPatch, hunkPatch, zeroPatch].map(splitPatch);
  const changes = parseRawDiff(raw).map((change) => {
    const header = patchHeader(change);
    const count = counts.get(change.path) ?? { additions: undefined, deletions: undefined };
    const [functionPart, hunkPart, zeroPart] = patches.map((parts) => parts.get(header));
    return buildChange({ ...change, ...count }, { functionPart, hunkPart, zeroPart });
  });
  const known = new Set(changes.map((change) => change.path));
  for (const path of untracked) if (!known.has(path)) changes.push(await untrackedChange(git.cwd, path));
  return changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** One change's part of each patch diff, richest first; undefined where git printed none for it. */
interface PatchParts {
  readonly functionPart: string | undefined;
  readonly hunkPart: string | undefined;
  readonly zeroPart: string | undefined;
}

function buildChange(facts: ChangeFacts, { functionPart, hunkPart, zeroPart }: PatchParts): FileChange {
  const isBinary = facts.additions === undefined && !isGitlink(facts);
  const changedLines = (facts.additions ?? 0) + (facts.deletions ?? 0);
  const decision = decidePatch({ path: facts.path, status: facts.status, isBinary, changedLines });
  const base = describeChange({ ...facts, isBinary });
  if (!decision.show) return { ...base, patchOmitted: decision.reason };
  if (functionPart === undefined || hunkPart === undefined || zeroPart === undefined) {
    return { ...base, patchOmitted: 'patch not found in git output' };
  }
  return { ...base, functionContext: trimPatchHeader(functionPart), hunks: trimPatchHeader(hunkPart), zeroContext: trimPatchHeader(zeroPart) };
}

function isGitlink(facts: ChangeFacts): boolean {
  return facts.oldMode === '160000' || facts.newMode === '160000';
}

/** Untracked, not ignored files under the root; nested repositories (listed with a trailing slash) are left out. */
async function listUntracked(git: GitRunner): Promise<string[]> {
  const output = await git.text(['ls-files', '-z', '--others', '--exclude-standard']);
  return output.split('\0').filter((path) => path !== '' && !path.endsWith('/'));
}

/** An untracked file as an addition: line count from its bytes, binary when a NUL shows up early. */
async function untrackedChange(root: string, path: string): Promise<FileChange> {
  let bytes: Buffer;
  try {
    bytes = await readFile(join(root, path));
  } catch {
    // Gone since it was listed, or a directory/socket: show it as an addition without counts.
    bytes = Buffer.alloc(0);
  }
  const isBinary = bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0);
  const additions = isBinary ? undefined : countLines(bytes);
  const facts: ChangeFacts = {
    path, oldPath: undefined, status: 'added', similarity: undefined,
    oldMode: '000000', newMode: '100644', oldHash: '', newHash: '',
    additions, deletions: isBinary ? undefined : 0,
  };
  return { ...describeChange({ ...facts, isBinary }, 'untracked'), patchOmitted: isBinary ? 'binary' : 'new file: its text is in the files section' };
}

function countLines(bytes: Buffer): number {
  if (bytes.length === 0) return 0;
  let lines = 0;
  for (const byte of bytes) if (byte === 10) lines++;
  return bytes[bytes.length - 1] === 10 ? lines : lines + 1;
}

async function readLog(git: GitRunner, state: RepoState, count: number): Promise<CommitSummary[]> {
  if (!state.head) return [];
  const format = `--format=${LOG_RECORD}%H${LOG_FIELD}%cI${LOG_FIELD}%an${LOG_FIELD}%s`;
  const output = await git.text(['log', '--no-color', '-z', '--name-only', '--relative', `-n${count}`, format, state.head, '--']);
  return parseCommitLog(output);
}
