import { homedir } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { ParallelAnalysisOptions, SyntaxAnalyzer } from './analyze/index.js';
import { defaultCacheDirectory, openCache, type PackCache } from './cache/index.js';
import type { Tokenizer, TokenizerName } from './shared/tokenizer.js';
import { loadTokenizer } from './tokenize/index.js';

/** A step of the pipeline, for progress display. `done`/`total` count files when known. */
export interface PackProgress {
  readonly phase: 'collect' | 'analyze' | 'fit' | 'render';
  readonly done?: number;
  readonly total?: number;
}

/** The edges `pack` talks to. Tests and embedders may replace any of them. */
export interface PackEnv {
  loadTokenizer(name: TokenizerName): Promise<Tokenizer>;
  /**
   * Undefined disables tree-sitter: files then get text-only variants. `onWarning` receives run-wide remarks (a
   * failed worker thread) for `Report.warnings`.
   */
  createSyntaxAnalyzer?: (options?: SyntaxAnalyzerRequest) => Promise<SyntaxAnalyzer>;
  onProgress?: (progress: PackProgress) => void;
  /**
   * Opens the cross-run cache in `directory` (undefined: the user cache directory). Absent, or returning undefined,
   * means no cache: every count and parse is done afresh and nothing is written.
   */
  openCache?: (directory: string | undefined) => PackCache | undefined;
  /**
   * Asks for a full garbage collection. `pack` calls it once the texts of path-only files are released, so a huge tree
   * does not carry its dead content through fitting (43k files: peak 600 → 450 MB). Absent: the runtime decides.
   */
  collectGarbage?: () => Promise<void>;
}

/** What `analyzeFiles` hands the analyzer factory. */
export interface SyntaxAnalyzerRequest {
  readonly onWarning?: (message: string) => void;
}

/** Tuning of the default edges; the defaults are measured, tests may lower the parallel cut-over. */
export interface DefaultEnvOptions {
  /** When parsing moves to worker threads (cut-over, worker count). */
  readonly parallelAnalysis?: ParallelAnalysisOptions;
}

/** Real tokenizers, the tree-sitter analyzer (on worker threads when the work pays for them) and the on-disk cache. */
export function defaultEnv(options: DefaultEnvOptions = {}): PackEnv {
  return {
    loadTokenizer,
    // Imported on first use: runs that never need a skeleton never load tree-sitter.
    createSyntaxAnalyzer: async (request = {}) =>
      (await import('./analyze/index.js')).createParallelSyntaxAnalyzer({ ...options.parallelAnalysis, ...request }),
    collectGarbage: fullGarbageCollection,
    openCache: (directory) =>
      openCache({
        directory: directory ?? defaultCacheDirectory({ env: process.env, platform: process.platform, home: homedir() }),
      }),
  };
}

/**
 * V8's own collector, reached without `--expose-gc` on the command line (an npm bin cannot pass node flags on every
 * platform): the flag, set at run time, exposes `gc` to contexts created after it. It runs on a later turn, once the
 * caller is suspended in its `await`: a running frame may still hold the released values. Failure leaves it to V8.
 */
function fullGarbageCollection(): Promise<void> {
  return new Promise((resolve) => {
    setImmediate(() => {
      try {
        setFlagsFromString('--expose-gc');
        const collect: unknown = runInNewContext('gc');
        if (typeof collect === 'function') (collect as () => void)();
      } catch {
        // Only a memory optimisation: the pack is the same without it.
      }
      resolve();
    });
  });
}
