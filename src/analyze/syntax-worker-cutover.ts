/**
 * Chooses between in-process analysis and the worker pool by the size of the work. Callers that want parallelism ask
 * for many files in one go (`Promise.all`); the files asked for in one synchronous run (the cache wrapper passes only
 * its misses on) form a batch, weighed on the next microtask: below the cut-over they are parsed in-process, at or
 * above it the pool starts. Once started, the pool takes every later batch too (its start-up is already paid).
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
 * Characters to parse (uncached files with a grammar) from which the pool pays. Measured on 2 cores with files of a
 * 43k-file polyglot tree (Rust, TypeScript, JavaScript), per-thread CPU as the critical path: 0.55 M characters took
 * 0.8 s in-process against 0.5 s on the busier of 2 workers, 0.97 M 0.9 s against 0.7–0.9 s, 1.8 M 1.9–2.5 s against
 * 1.2–1.5 s, 6.9 M 7.8–8.4 s against 3.6–4.1 s. Break-even is near 1 M; the pool costs 5–40 % more CPU in all (every
 * worker loads and warms up its own grammars), so it starts at twice that.
 */
export const PARALLEL_MIN_CHARS = 2_000_000;

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

/** When the worker pool is used; every field has a measured default. */
export interface ParallelAnalysisOptions {
  /** A batch goes to the pool when it has at least this many files to parse… */
  readonly minFiles?: number;
  /** …and at least this many characters to parse. */
  readonly minChars?: number;
  /** Worker threads; default: available cores, at most 4. Fewer than 2 cores: never parallel. */
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
    this.workers = options.workers ?? Math.min(MAX_WORKERS, availableParallelism());
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

  dispose(): void {
    this.isDisposed = true;
    this.pool?.dispose();
    this.inProcessAnalyzer?.dispose();
  }

  private flush(): void {
    const batch = this.batch ?? [];
    this.batch = undefined;
    // A batch flushed after `dispose` never starts workers: nothing would terminate them.
    const target = this.pool ?? (!this.isDisposed && this.isLarge(batch) ? (this.pool = this.startPool()) : this.inProcess());
    for (const request of batch) request.resolve(target.analyze(request.file));
  }

  private isLarge(batch: readonly Request[]): boolean {
    if (this.workers < 2 || this.workerUrl === undefined || !this.hasIdleCore()) return false;
    let files = 0;
    let chars = 0;
    for (const { file } of batch) {
      // The size guard alone, not the minified scan: a rough count suffices and this runs on the main thread.
      if (!hasGrammar(file.language) || file.text.length > MAX_PARSE_BYTES) continue;
      files += 1;
      chars += file.text.length;
    }
    return files >= (this.options.minFiles ?? PARALLEL_MIN_FILES) && chars >= (this.options.minChars ?? PARALLEL_MIN_CHARS);
  }

  private hasIdleCore(): boolean {
    const load = (this.options.loadAverage ?? (() => loadavg()[0] ?? 0))();
    return availableParallelism() - load >= MIN_IDLE_CORES;
  }

  private startPool(): SyntaxWorkerPool {
    const { onWarning } = this.options;
    return new SyntaxWorkerPool({ workers: this.workers, workerUrl: this.workerUrl!, ...(onWarning ? { onWarning } : {}) });
  }

  private inProcess(): TreeSitterAnalyzer {
    return (this.inProcessAnalyzer ??= new TreeSitterAnalyzer());
  }
}

/** `syntax-worker.js` beside this module when it exists: from `dist/`, yes; from the TypeScript sources, no. */
function compiledWorkerUrl(): URL | undefined {
  const url = new URL('./syntax-worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : undefined;
}
