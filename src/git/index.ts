/**
 * git: a root directory in → what git knows about it (recent history; diffs). Shells out to `git` with argument
 * arrays; when git or a repository is missing, the answer says so as data and the signals that need it are absent.
 */
export { readHistory, parseLog, HISTORY_MAX_COMMITS, HISTORY_MAX_AGE_DAYS, type HistoryResult, type HistoryOptions } from './history.js';
