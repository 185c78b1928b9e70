import { execFile } from 'node:child_process';
import type { GitCommit } from '../shared/types.js';

/**
 * Commits read for recency, churn and co-change. 2,000 commits cover a year or more of most projects and read in well
 * under a second even on large repositories (`git log --name-only --no-renames` avoids rename detection, the slow part).
 */
export const HISTORY_MAX_COMMITS = 2000;
/** Commits older than this, counted back from the newest commit (not the clock, so packs stay reproducible), are dropped. */
export const HISTORY_MAX_AGE_DAYS = 365;
const SECONDS_PER_DAY = 86_400;
const HISTORY_MAX_BUFFER_BYTES = 128 * 1024 * 1024;
/** Separates commits in the log output; a control character no path contains in practice. */
const COMMIT_MARK = '\u001e';

/** The recent history under `root`, or why there is none (no git, not a repository, no commits). */
export type HistoryResult =
  | { readonly kind: 'history'; readonly commits: readonly GitCommit[] }
  | { readonly kind: 'absent'; readonly reason: 'git-missing' | 'not-a-repository' | 'failed'; readonly message: string };

/** Options of `readHistory`. */
export interface HistoryOptions {
  readonly maxCommits?: number;
  readonly maxAgeDays?: number;
}

/**
 * Reads the last commits (newest first) with the files each changed, limited to `root` and relative to it
 * (`--relative`). Merge commits are left out: their file lists repeat their parents'. Never throws.
 */
export async function readHistory(root: string, options: HistoryOptions = {}): Promise<HistoryResult> {
  const maxCommits = options.maxCommits ?? HISTORY_MAX_COMMITS;
  const args = [
    '-c', 'core.quotePath=false', 'log', `--max-count=${maxCommits}`, '--no-merges', '--no-renames', '--relative',
    '--name-only', `--format=${COMMIT_MARK}%ct`, '--end-of-options', 'HEAD', '--',
  ];
  const run = await runGit(root, args);
  if (run.kind !== 'ok') return run;
  const commits = parseLog(run.stdout);
  const newest = commits[0]?.epochSeconds ?? 0;
  const oldest = newest - (options.maxAgeDays ?? HISTORY_MAX_AGE_DAYS) * SECONDS_PER_DAY;
  return { kind: 'history', commits: commits.filter((commit) => commit.epochSeconds >= oldest) };
}

/** Parse `git log --name-only --format=<mark>%ct` output into commits. */
export function parseLog(stdout: string): GitCommit[] {
  const commits: GitCommit[] = [];
  for (const chunk of stdout.split(COMMIT_MARK)) {
    const lines = chunk.split('\n');
    const epochSeconds = Number(lines[0]);
    if (lines[0] === '' || !Number.isFinite(epochSeconds)) continue;
    const paths = lines.slice(1).filter((line) => line !== '');
    commits.push({ epochSeconds, paths });
  }
  return commits;
}

type GitRun = { readonly kind: 'ok'; readonly stdout: string } | Extract<HistoryResult, { kind: 'absent' }>;

function runGit(cwd: string, args: readonly string[]): Promise<GitRun> {
  return new Promise((resolve) => {
    const options = { cwd, env: process.env, encoding: 'utf8' as const, maxBuffer: HISTORY_MAX_BUFFER_BYTES };
    execFile('git', args, options, (error, stdout, stderr) => {
      if (error === null) return resolve({ kind: 'ok', stdout });
      const message = (stderr.trim() || error.message).split('\n')[0] ?? '';
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') resolve({ kind: 'absent', reason: 'git-missing', message: 'git not found' });
      else if (/not a git repository|does not have any commits|unknown revision|bad revision/i.test(message)) {
        resolve({ kind: 'absent', reason: 'not-a-repository', message });
      } else resolve({ kind: 'absent', reason: 'failed', message });
    });
  });
}
