/**
 * git: a root directory in → what git knows about it (recent history; diffs). Shells out to `git` with argument
 * arrays; when git or a repository is missing, the answer says so as data and the signals that need it are absent.
 * Diffs (three levels each), the `--log` commits, staged paths and hook locations come from the runner below, which
 * always passes `--end-of-options`/`--` before anything a user typed; asking for them outside a work tree throws.
 */
export { readHistory, parseLog, HISTORY_MAX_COMMITS, HISTORY_MAX_AGE_DAYS, type HistoryResult, type HistoryOptions } from './history.js';
export { createGitRunner, streamGit, type GitRunner } from './git-runner.js';
export { readHead, readRepoState, EMPTY_TREE_HASH, type RepoState } from './repo-state.js';
export { collectChanges, type ChangeOptions } from './diff-collect.js';
export { listStagedPaths, resolveHooksDirectory, readHooksPathConfig } from './staged-paths.js';
export { readIndexFingerprint, type IndexFingerprint } from './index-fingerprint.js';
