/**
 * Chooses between in-process analysis and the worker pool by the size of the work. Callers that want parallelism ask
 * for many files in one go (`Promise.all`); the files asked for in one synchronous run (the cache wrapper passes only
 * its misses on) form a batch, weighed on the next microtask: below the cut-over they are parsed in-process, at or
 * above it they are shared between the pool's workers and the main thread (which would idle otherwise). A caller
 * that knows a parse is likely may `prewarm` the pool: workers then start and load grammars while the main thread
 * still does other work, and batches go to them from a lower cut-over (their start-up is already paid).
 */
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { SourceFile } from '../shared/types.js';
import { MAX_PARSE_BYTES } from './file-guards.js';
import { hasGrammar } from './grammar-registry.js';
import { TreeSitterAnalyzer } from './syntax-analyzer.js';
import type { FileSyntax, SyntaxFailure } from './syntax-types.js';
import { SyntaxWorkerPool } from './syntax-worker-pool.js';

/**
 * Characters to parse (uncached files with a grammar) from which a pool not yet started pays. First measured with
 * workers alone on a 43k-file polyglot tree (break-even near 1 M, then set at 2 M). Re-measured with the main thread
 * taking part, 1 worker + main on 2 cores, largest files first, TypeScript files of a 2.3k-file repository, busier
 * parser thread's CPU (worker start-up included) against the in-process thread: 1.0 M characters 0.54–0.72 s against
 * 0.73–0.76 s, 1.8 M 0.80–0.93 s against 1.43–2.32 s; the process spends 40–60 % more CPU in all (the worker compiles
 * its own grammars). Break-even stays near 1 M: set a little above it.
 */
export const PARALLEL_MIN_CHARS = 1_200_000;

/** Fewer files than this cannot be spread over the workers evenly, whatever their size. */
export const PARALLEL_MIN_FILES = 50;

/**
 * Workers only pay with a core to run on. On the 43k-file tree at 256k (3.1 M characters to parse) the pool cut the
 * critical path from 2.9–3.4 s (in-process) to 1.8–2.3 s (busier worker) but took 0.5–1.6 s more CPU, and with the
 * 1-minute load average at 4–7 on 2 cores its wall time was worse (5.7–11.1 s against 4.5–7.9 s). So the pool starts
 * only while at least this many cores are idle by the load average.
 */
const MIN_IDLE_CORES = 1;

/** More workers than this buy little: each loads its own grammars, and the main thread still merges the results. */
const MAX_WORKERS = 4;

/**
 * The cut-over once the pool is started (pre-warmed, or by an earlier batch): its start-up is paid, only the copies
 * and the merge remain. Same measurement as PARALLEL_MIN_CHARS with the worker warmed first: 0.3 M characters 0.20–0.21 s
 * against 0.40–0.53 s in-process (a cold pool: 0.32–0.33 s); 0.1 M 0.11–0.15 s against 0.16–0.18 s, too little for
 * the extra CPU.
 */
export const PREWARMED_MIN_CHARS = 250_000;

/** A warm pool still needs a few files to share; fewer are parsed in-process. */
export const PREWARMED_MIN_FILES = 8;

/**
 * Pre-warm only when at least this many pool files have a grammar: then a lazy pack's first batch is likely above
 * PREWARMED_MIN_CHARS (2.3k-file TypeScript repository: 989 such files, first batch 393 files and 1.8 M characters;
 * 3.1k-file Python repository: first batch 79 files, 1.4 M). Starting a worker and loading two grammars takes ~70 ms
 * on the idle core; an unused pool is terminated at `dispose`.
 */
export const PREWARM_MIN_FILES = 200;

/** A language gets its grammar loaded ahead when at least this share of the expected files are in it. */
const PREWARM_LANGUAGE_SHARE = 0.05;

/** When the worker pool is used; every field has a measured default. */
export interface ParallelAnalysisOptions {
  /** A batch goes to a pool not yet started when it has at least this many files to parse… */
  readonly minFiles?: number;
  /** …and at least this many characters to parse. */
  readonly minChars?: number;
  /** Once the pool is started (pre-warmed or by an earlier batch): files… */
  readonly warmMinFiles?: number;
  /** …and characters from which a batch goes to it. */
  readonly warmMinChars?: number;
  /** Expected files with a grammar from which `prewarm` starts the pool. */
  readonly prewarmMinFiles?: number;
  /** Worker threads beside the main thread; default: available cores less one, at most 4. Zero: never parallel. */
  readonly workers?: number;
  /** The compiled worker script; default `syntax-worker.js` next to this module (absent when run from source). */
  readonly workerUrl?: URL;
  /** Told when a worker fails and the rest is analyzed in-process. */
  readonly onWarning?: (message: string) => void;
  /** Runnable threads on the machine (default: the 1-minute load average; 0 where the OS has none, e.g. Windows). */
  readonly loadAverage?: () => number;
}

interface Request {
  readonly file: SourceFile;
  readonly resolve: (result: Promise<FileSyntax | SyntaxFailure>) => void;
}

/** See the module comment. */
export class CutoverAnalyzer {
  private batch: Request[] | undefined;
  private inProcessAnalyzer: TreeSitterAnalyzer | undefined;
  private pool: SyntaxWorkerPool | undefined;
  private isDisposed = false;
  private readonly workers: number;
  private readonly workerUrl: URL | undefined;

  constructor(private readonly options: ParallelAnalysisOptions = {}) {
    this.workers = options.workers ?? Math.min(MAX_WORKERS, availableParallelism() - 1);
    this.workerUrl = options.workerUrl ?? compiledWorkerUrl();
  }

  supports(language: string | undefined): boolean {
    return hasGrammar(language);
  }

  analyze(file: SourceFile): Promise<FileSyntax | SyntaxFailure> {
    if (!this.batch) {
      this.batch = [];
      queueMicrotask(() => this.flush());
    }
    const batch = this.batch;
    return new Promise((resolve) => batch.push({ file, resolve }));
  }

  /** See `SyntaxAnalyzer.verify`: on the main thread, with the grammars its share of the parsing loaded. */
  verify(language: string, text: string): Promise<boolean> {
    return this.inProcess().verify(language, text);
  }

  /**
   * Files that may be parsed soon, counted by language: when enough have a grammar and a core is idle, the pool
   * starts now and loads the common languages' grammars. Never waited for; `dispose` ends it if no batch used it.
   */
  prewarm(expected: ReadonlyMap<string | undefined, number>): void {
    if (this.pool || !this.canStartPool()) return;
    const counts = [...expected].filter((entry): entry is [string, number] => hasGrammar(entry[0]));
    const total = counts.reduce((sum, [, count]) => sum + count, 0);
    if (total < (this.options.prewarmMinFiles ?? PREWARM_MIN_FILES)) return;
    const common = counts
      .filter(([, count]) => count >= total * PREWARM_LANGUAGE_SHARE)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([language]) => language);
    this.pool = this.startPool();
    this.pool.prewarm(common);
  }

  dispose(): void {
    this.isDisposed = true;
    this.pool?.dispose();
    this.inProcessAnalyzer?.dispose();
  }

  private flush(): void {
    const batch = this.batch ?? [];
    this.batch = undefined;
    const pool = this.poolFor(batch);
    if (!pool) {
      for (const request of batch) request.resolve(this.inProcess().analyze(request.file));
      return;
    }
    // Largest first, so the threads' last files are small ones and they finish close together.
    const sizes = batch.map((request) => request.file.text.length);
    const order = batch.map((_, index) => index).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
    for (const index of order) batch[index]!.resolve(pool.analyze(batch[index]!.file));
  }

  /** The pool when this batch is worth it: a started pool from the lower cut-over, a new one from the higher. */
  private poolFor(batch: readonly Request[]): SyntaxWorkerPool | undefined {
    // A batch flushed after `dispose` never starts workers: nothing would terminate them.
    if (this.isDisposed) return undefined;
    const { files, chars } = weigh(batch);
    if (this.pool?.isStarted) {
      const large = files >= (this.options.warmMinFiles ?? PREWARMED_MIN_FILES) && chars >= (this.options.warmMinChars ?? PREWARMED_MIN_CHARS);
      return large ? this.pool : undefined;
    }
    if (this.pool) return undefined; // failed earlier: in-process from now on
    const large = files >= (this.options.minFiles ?? PARALLEL_MIN_FILES) && chars >= (this.options.minChars ?? PARALLEL_MIN_CHARS);
    return large && this.canStartPool() ? (this.pool = this.startPool()) : undefined;
  }

  private canStartPool(): boolean {
    if (this.isDisposed || this.workers < 1 || this.workerUrl === undefined) return false;
    const load = (this.options.loadAverage ?? (() => loadavg()[0] ?? 0))();
    return availableParallelism() - load >= MIN_IDLE_CORES;
  }

  private startPool(): SyntaxWorkerPool {
    const { onWarning } = this.options;
    return new SyntaxWorkerPool({
      workers: this.workers,
      workerUrl: this.workerUrl!,
      mainThread: this.inProcess(),
      ...(onWarning ? { onWarning } : {}),
    });
  }

  private inProcess(): TreeSitterAnalyzer {
    return (this.inProcessAnalyzer ??= new TreeSitterAnalyzer());
  }
}

/** Files and characters a batch would parse: the size guard alone, not the minified scan (a rough count suffices). */
function weigh(batch: readonly Request[]): { files: number; chars: number } {
  let files = 0;
  let chars = 0;
  for (const { file } of batch) {
    if (!hasGrammar(file.language) || file.text.length > MAX_PARSE_BYTES) continue;
    files += 1;
    chars += file.text.length;
  }
  return { files, chars };
}

/** `syntax-worker.js` beside this module when it exists: from `dist/`, yes; from the TypeScript sources, no. */
function compiledWorkerUrl(): URL | undefined {
  const url = new URL('./syntax-worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : undefined;
}
