/**
 * git signals from recent history: recency (how lately a file changed, relative to the newest commit) and churn
 * (how often), and co-change with seed files (files that changed in the same commits as the task's files).
 */
import type { GitCommit } from '../shared/types.js';
import type { SignalScore } from './signal-types.js';

/** A file last changed this many days before the newest commit scores half on recency. */
export const RECENCY_HALF_LIFE_DAYS = 30;
/** Recency and churn weigh equally in the activity score. */
export const RECENCY_SHARE = 0.5;
/**
 * Commits touching more files than this (mass renames, formatting, dependency bumps) say nothing about which files
 * belong together and are left out of co-change; they still count for recency.
 */
export const COCHANGE_MAX_COMMIT_FILES = 30;
const SECONDS_PER_DAY = 86_400;

/** Activity in [0, 1] per path that changed in the history: recency blended with log churn. */
export function activitySignal(commits: readonly GitCommit[]): Map<string, SignalScore> {
  const newest = commits.reduce((max, commit) => Math.max(max, commit.epochSeconds), 0);
  const last = new Map<string, number>();
  const changes = new Map<string, number>();
  for (const commit of commits) {
    for (const path of commit.paths) {
      last.set(path, Math.max(last.get(path) ?? 0, commit.epochSeconds));
      changes.set(path, (changes.get(path) ?? 0) + 1);
    }
  }
  let mostChanges = 1;
  for (const count of changes.values()) mostChanges = Math.max(mostChanges, count);
  const result = new Map<string, SignalScore>();
  for (const [path, count] of changes) {
    const ageDays = (newest - last.get(path)!) / SECONDS_PER_DAY;
    const recency = Math.pow(0.5, ageDays / RECENCY_HALF_LIFE_DAYS);
    const churn = Math.log1p(count) / Math.log1p(mostChanges);
    const score = RECENCY_SHARE * recency + (1 - RECENCY_SHARE) * churn;
    result.set(path, { score, reasons: [`git ${count} change${count === 1 ? '' : 's'}, ${Math.round(ageDays)}d ago`] });
  }
  return result;
}

/**
 * Co-change in [0, 1] with the seed paths: each commit touching a seed adds 1 / (files in the commit) to every other
 * file it touched; scores are normalised by the best. Seeds themselves are absent.
 */
export function coChangeSignal(commits: readonly GitCommit[], seeds: ReadonlySet<string>): Map<string, SignalScore> {
  const weight = new Map<string, number>();
  if (seeds.size === 0) return new Map();
  for (const commit of commits) {
    if (commit.paths.length > COCHANGE_MAX_COMMIT_FILES || !commit.paths.some((path) => seeds.has(path))) continue;
    for (const path of commit.paths) {
      if (!seeds.has(path)) weight.set(path, (weight.get(path) ?? 0) + 1 / commit.paths.length);
    }
  }
  let best = 0;
  for (const value of weight.values()) best = Math.max(best, value);
  const result = new Map<string, SignalScore>();
  for (const [path, value] of weight) result.set(path, { score: value / best, reasons: ['changes with the task files'] });
  return result;
}

/**
 * How fast the recent-work score falls per commit back: the newest commit's files score 1, the 5th newest 0.41, the
 * 10th 0.13. Work in progress touches the same files commit after commit; a day-based recency cannot tell the last
 * commit from the last month in an active repository.
 */
export const RECENT_WORK_DECAY = 0.8;
/** Commits looked at for recent work. */
export const RECENT_WORK_COMMITS = 15;

/**
 * Recent work in [0, 1]: files changed in the last RECENT_WORK_COMMITS commits (newest first), by the newest commit
 * that touched them, RECENT_WORK_DECAY per commit back. Commits too large for co-change are skipped here too.
 */
export function recentWorkSignal(commits: readonly GitCommit[]): Map<string, SignalScore> {
  const result = new Map<string, SignalScore>();
  const ordered = [...commits].sort((a, b) => b.epochSeconds - a.epochSeconds);
  ordered.slice(0, RECENT_WORK_COMMITS).forEach((commit, back) => {
    if (commit.paths.length > COCHANGE_MAX_COMMIT_FILES) return;
    for (const path of commit.paths) {
      if (!result.has(path)) result.set(path, { score: Math.pow(RECENT_WORK_DECAY, back), reasons: [`changed ${back + 1} commit${back === 0 ? '' : 's'} ago`] });
    }
  });
  return result;
}
