/**
 * Preload for benchmarked Node processes (`node --import <this file> …`): on exit, appends one JSON line with this
 * process's peak resident set and CPU time to the file named by `REPOPACK_BENCH_USAGE_FILE`.
 * `process.resourceUsage()` covers every thread of the process (worker threads included); forked children that
 * inherit the preload append their own line, so the bench can add them up.
 */
import { appendFileSync } from 'node:fs';

const USAGE_FILE_VARIABLE = 'REPOPACK_BENCH_USAGE_FILE';
const target = process.env[USAGE_FILE_VARIABLE];

if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const record = {
      pid: process.pid,
      ppid: process.ppid,
      maxRssKiB: usage.maxRSS,
      userMicros: usage.userCPUTime,
      systemMicros: usage.systemCPUTime,
    };
    // One short O_APPEND write per process, so lines from concurrent children do not interleave.
    appendFileSync(target, `${JSON.stringify(record)}\n`);
  });
}
