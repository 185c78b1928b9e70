/**
 * The edges of a pack, gathered once: the files (secrets screened), the changes and the recent history from git, the
 * tokenizer and the cache. Everything after this point works on these records.
 */
import { resolve } from 'node:path';
import type { PackCache } from './cache/index.js';
import { collectFiles, type CollectOptions, type ListedTree, labelRoots, mergeRootHistories, refuseSeveralRoots } from './collect/index.js';
import { resolveBudget } from './config/index.js';
import { readHistory, type HistoryResult } from './git/index.js';
import { cachingTokenizer } from './pack-cache.js';
import { readChanges, resolveFileSource, screenChanges } from './pack-diff.js';
import type { PackEnv } from './pack-env.js';
import { DEFAULT_BUDGET_TOKENS, DEFAULT_MAX_FILE_BYTES, type PackOptions } from './pack-options.js';
import { compileOverrides, type CompiledOverrides } from './pack-overrides.js';
import type { SecretsMode } from './redact/index.js';
import type { Tokenizer, TokenizerName } from './shared/tokenizer.js';
import type { ChangeSet, Collection, GitCommit, SecretRedaction } from './shared/types.js';

/** What a pack reads from the outside world, before ranking. */
export interface PackInputs {
  readonly root: string;
  readonly budget: number;
  readonly tokenizerName: TokenizerName;
  readonly tokenizer: Tokenizer;
  readonly overrides: CompiledOverrides;
  /** Every collected file, not yet screened for secrets: only the files that may show text are (see pack-pool). */
  readonly collection: Collection;
  readonly secretsMode: SecretsMode;
  readonly changeSet: ChangeSet | undefined;
  readonly history: readonly GitCommit[] | undefined;
  readonly redactions: readonly SecretRedaction[];
  readonly cache: PackCache | undefined;
  /** Run-wide remarks so far; later steps append theirs. */
  readonly warnings: string[];
}

/** What collect is asked for, from the pack options (the same for listing ahead and for collecting). */
export function collectOptionsFor(options: PackOptions, overrides: CompiledOverrides = compileOverrides(options.overrides)): CollectOptions {
  return {
    root: resolve(options.root),
    include: options.include ?? [],
    ignore: [...(options.ignore ?? []), ...overrides.excluded],
    maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
    ...(options.paths === undefined ? {} : { paths: options.paths }),
    ...(options.roots === undefined ? {} : { roots: options.roots }),
  };
}

/** Collect, and read git and the tokenizer for a pack; `listed` is a listing made ahead with `collectOptionsFor`. */
export async function gatherInputs(options: PackOptions, env: PackEnv, listed?: ListedTree): Promise<PackInputs> {
  const root = resolve(options.root);
  const { budget, tokenizer: tokenizerName } = resolveBudget(options, DEFAULT_BUDGET_TOKENS);
  const overrides = compileOverrides(options.overrides);
  refuseSeveralRoots(options.roots, [
    { flag: options.diff?.kind === 'staged' ? '--staged' : '--diff/--base', used: options.diff !== undefined },
    { flag: '--log', used: (options.logCount ?? 0) > 0 },
    { flag: '--stdin', used: options.paths !== undefined },
    { flag: 'snapshot', used: options.source === 'index' },
  ]);
  // `git log` runs in its own process while this one collects, and the encoding (~0.15 s for o200k) loads in the gaps
  // of the awaits; both are awaited below, where a failure surfaces (not as an unhandled rejection meanwhile).
  const history = readRootsHistory(root, options.roots);
  const tokenizerLoad = env.loadTokenizer(tokenizerName);
  for (const started of [history, tokenizerLoad]) started.catch(() => undefined);
  const source = await resolveFileSource(root, options);
  env.onProgress?.({ phase: 'collect' });
  const collected = await collectFiles({ ...collectOptionsFor(options, overrides), ...(source === undefined ? {} : { source }) }, listed);
  const cache = options.cache === false ? undefined : env.openCache?.(options.cacheDirectory);
  const secretsMode = options.secrets ?? 'redact';
  const screenedChanges = screenChanges(await readChanges(root, options), secretsMode);
  const warnings = [...collected.warnings];
  const historyResult = await history;
  if (historyResult.kind === 'absent' && historyResult.reason === 'failed') {
    warnings.push(`git history unavailable, ranking without recency: ${historyResult.message}`);
  }
  return {
    root,
    budget,
    tokenizerName,
    tokenizer: cachingTokenizer(await tokenizerLoad, cache),
    overrides,
    collection: collected,
    secretsMode,
    changeSet: screenedChanges.changes,
    history: historyResult.kind === 'history' ? historyResult.commits : undefined,
    redactions: screenedChanges.redactions,
    cache,
    warnings,
  };
}

/** The root's history, or with several roots each one's, paths prefixed by its label; absent when none has any. */
async function readRootsHistory(root: string, roots: readonly string[] | undefined): Promise<HistoryResult> {
  if (roots === undefined || roots.length < 2) return readHistory(root);
  const labelled = labelRoots(roots);
  const results = await Promise.all(labelled.map((entry) => readHistory(entry.root)));
  const histories = labelled.flatMap((entry, index) => {
    const result = results[index]!;
    return result.kind === 'history' ? [{ label: entry.label, commits: result.commits }] : [];
  });
  return histories.length === 0 ? results[0]! : { kind: 'history', commits: mergeRootHistories(histories) };
}
