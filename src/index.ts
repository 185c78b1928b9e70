/**
 * repopack as a library: `pack(options)` runs the whole pipeline and returns the bundle and a report. Stage functions
 * are exported for callers who want to compose their own pipeline.
 */
export { pack, DEFAULT_BUDGET_TOKENS, DEFAULT_MAX_FILE_BYTES, type PackOptions } from './pack.js';
export { defaultEnv, type PackEnv, type PackProgress } from './pack-env.js';
export { parseBudget } from './config/index.js';
export {
  MODEL_PRESETS,
  findModelPreset,
  resolveBudget,
  loadConfig,
  validateConfig,
  type ModelPreset,
  type ConfigValues,
  type FileOverride,
  type LoadedConfig,
} from './config/index.js';
export { collectFiles, type CollectOptions } from './collect/index.js';
export { rankFiles, orderForBundle, BUNDLE_ORDERS, type BundleOrder, type RankSignals } from './rank/index.js';
export { readHistory, type HistoryResult } from './git/index.js';
export { buildVariants } from './represent/index.js';
export { fitToBudget, type BundlePricer, type FitCandidate } from './fit/index.js';
export { renderBundle, STYLES, type Style } from './render/index.js';
export { loadTokenizer, TOKENIZER_NAMES } from './tokenize/index.js';
export { openCache, defaultCacheDirectory, hashText, type PackCache, type CacheOptions } from './cache/index.js';
export { RepopackError, UsageError, ConfigError, BudgetError, GitError } from './shared/errors.js';
export type { Tokenizer, TokenizerName } from './shared/tokenizer.js';
export type * from './shared/types.js';
