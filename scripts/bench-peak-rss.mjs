/**
 * Preload for benchmarked Node processes (`node --import <this file> …`): on exit, appends one JSON line with this
 * process's peak resident set and CPU time to the file named by `REPOPACK_BENCH_USAGE_FILE`.
 * `process.resourceUsage()` covers every thread of the process (worker threads included); forked children that
 * inherit the preload append their own line, so the bench can add them up.
 */
import { appendFileSync, readFileSync } from 'node:fs';

const USAGE_FILE_VARIABLE = 'REPOPACK_BENCH_USAGE_FILE';
/** Linux reports /proc times in clock ticks of 1/100 s (USER_HZ is 100 on every mainstream architecture). */
const MICROS_PER_CLOCK_TICK = 10_000;

/**
 * CPU time of the waited-for children (git and other non-Node programs the tool ran), which resourceUsage()
 * leaves out. Linux only: fields 16 and 17 of /proc/self/stat (cutime, cstime); elsewhere undefined.
 */
function childrenMicros() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state), so cutime (16) and cstime (17) sit at 13 and 14.
    return (Number(fields[13]) + Number(fields[14])) * MICROS_PER_CLOCK_TICK;
  } catch {
    return undefined;
  }
}
/**
 * Peak resident set of this process's own memory, in KiB. On Linux `VmHWM` of /proc/self/status: getrusage's maxrss
 * keeps the high-water mark of the memory before exec, which is a copy of the parent's, so a child spawned by a large
 * parent (a test runner's worker) would report the parent's size. Elsewhere `resourceUsage().maxRSS`.
 */
function peakRssKiB() {
  try {
    const found = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (found) return Number(found[1]);
  } catch {
    // Not Linux: fall through.
  }
  return process.resourceUsage().maxRSS;
}

const target = process.env[USAGE_FILE_VARIABLE];

if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const record = {
      pid: process.pid,
      ppid: process.ppid,
      maxRssKiB: peakRssKiB(),
      userMicros: usage.userCPUTime,
      systemMicros: usage.systemCPUTime,
      childrenMicros: childrenMicros(),
    };
    // One short O_APPEND write per process, so lines from concurrent children do not interleave.
    appendFileSync(target, `${JSON.stringify(record)}\n`);
  });
}
