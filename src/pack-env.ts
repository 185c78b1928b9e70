import { homedir } from 'node:os';
import type { SyntaxAnalyzer } from './analyze/index.js';
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
  /** Undefined disables tree-sitter: files then get text-only variants. */
  createSyntaxAnalyzer?: () => Promise<SyntaxAnalyzer>;
  onProgress?: (progress: PackProgress) => void;
  /**
   * Opens the cross-run cache in `directory` (undefined: the user cache directory). Absent, or returning undefined,
   * means no cache: every count and parse is done afresh and nothing is written.
   */
  openCache?: (directory: string | undefined) => PackCache | undefined;
}

/** Real tokenizers, the tree-sitter analyzer and the on-disk cache. */
export function defaultEnv(): PackEnv {
  return {
    loadTokenizer,
    // Imported on first use: runs that never need a skeleton never load tree-sitter.
    createSyntaxAnalyzer: async () => (await import('./analyze/index.js')).createSyntaxAnalyzer(),
    openCache: (directory) =>
      openCache({
        directory: directory ?? defaultCacheDirectory({ env: process.env, platform: process.platform, home: homedir() }),
      }),
  };
}
