import { basename, resolve } from 'node:path';
import type { FileSyntax, SyntaxAnalyzer } from './analyze/index.js';
import { collectFiles, makeGlobFilter, type FileSource } from './collect/index.js';
import { resolveBudget, type FileOverride } from './config/index.js';
import { fitToBudget, type FitCandidate } from './fit/index.js';
import { readHistory, type HistoryResult } from './git/index.js';
import { defaultEnv, type PackEnv } from './pack-env.js';
import { boostChangedFiles, bundleChanges, changedPaths, diffCandidates, readChanges, screenChanges } from './pack-diff.js';
import { compileOverrides } from './pack-overrides.js';
import { createBundlePricer, type BundleFrameOptions, type PricerOptions } from './pack-pricer.js';
import { packInParts } from './pack-split.js';
import { cachingAnalyzer, cachingTokenizer, screenWithCache, variantsWithCache } from './pack-cache.js';
import type { PackCache } from './cache/index.js';
import type { SecretsMode } from './redact/index.js';
import { orderForBundle, rankFiles, type BundleOrder } from './rank/index.js';
import { withLineNumbers, type Style } from './render/index.js';
import type { TokenizerName } from './shared/tokenizer.js';
import { estimateTokens, estimatorFor } from './tokenize/index.js';
import type { DiffMode, GitCommit, PackResult, RankedFile, Variant } from './shared/types.js';

/** Options of `pack`; every field but `root` has a default. */
export interface PackOptions {
  /** Directory to pack. */
  readonly root: string;
  /** Token budget for the whole bundle. Default 128,000. */
  readonly budget?: number;
  readonly style?: Style;
  readonly tokenizer?: TokenizerName;
  readonly include?: readonly string[];
  readonly ignore?: readonly string[];
  /** Larger files are skipped unread. Default 1 MiB. */
  readonly maxFileBytes?: number;
  /** Show files with a skeleton at most at skeleton level (Repomix's `--compress` habit). */
  readonly compress?: boolean;
  /** Task text (issue, commit message, stack trace): files it matches rank first and get their full text. */
  readonly focus?: string;
  /** The task's own files (e.g. changed in a diff), POSIX paths relative to `root`; they rank first. */
  readonly seeds?: readonly string[];
  /** Order of files in the bundle; default `edges` with a focus or seeds, else `rank`. */
  readonly order?: BundleOrder;
  /** Show these changes as diff sections inside the budget; changed files rank first (issue 5). */
  readonly diff?: DiffMode;
  /** List the last N commits (hash, date, author, subject, files) after the header. */
  readonly logCount?: number;
  /** Read file contents from the git index (staged) instead of the work tree, as `repopack snapshot` does. */
  readonly source?: FileSource;
  /**
   * Credentials found in file text: `redact` (default) replaces each with `[REDACTED:<rule>]` before anything else
   * sees the text, `drop` skips the file with reason `secret`, `off` leaves the text as read.
   */
  readonly secrets?: SecretsMode;
  /**
   * A model preset (`qwen3-coder`, `gpt-4o`, `claude`…; see `MODEL_PRESETS`): sets the tokenizer and, without
   * `budget`, the budget to the model's window minus `reserve`. An explicit `budget` or `tokenizer` wins.
   */
  readonly model?: string;
  /** Tokens kept free for the question and answer with `model`. Default 16,000 (at most a quarter of the window). */
  readonly reserve?: number;
  /** Per-glob level caps, exclusions and priority multipliers (config `overrides`). */
  readonly overrides?: readonly FileOverride[];
  /** `false` packs without the cross-run cache (nothing read or written). Default true. */
  readonly cache?: boolean;
  /** Where the cache lives; default the user cache directory (`$XDG_CACHE_HOME/repopack`, `~/.cache/repopack`…). */
  readonly cacheDirectory?: string;
  /** Shown in the header after the legend (`--header-text`). */
  readonly headerText?: string;
  /** Placed at the very end of the bundle, inside the budget (`--instructions FILE`'s text). */
  readonly instructions?: string;
  /** Prefix the lines of `full` and `head` files with their line numbers (`--line-numbers`). */
  readonly lineNumbers?: boolean;
  /** `false` leaves the directory tree out of the bundle (`--no-tree`). Default true. */
  readonly tree?: boolean;
  /**
   * Spread the pack over at most this many parts, each within `budget` and well-formed on its own (`--split N`);
   * `result.parts` holds them and `result.bundle` is their concatenation.
   */
  readonly split?: number;
  /** Pack exactly these POSIX paths relative to `root` instead of listing the tree (`--stdin`); missing ones are skipped. */
  readonly paths?: readonly string[];
}

export const DEFAULT_BUDGET_TOKENS = 128_000;
export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

/**
 * Pack a directory into one bundle whose token count, with the chosen tokenizer, is at most the budget.
 * Never prints or exits; per-file trouble is in `report.skipped`, run-wide remarks in `report.warnings`.
 */
export async function pack(options: PackOptions, env: PackEnv = defaultEnv()): Promise<PackResult> {
  const root = resolve(options.root);
  const { budget, tokenizer: tokenizerName } = resolveBudget(options, DEFAULT_BUDGET_TOKENS);
  const overrides = compileOverrides(options.overrides);
  const style = options.style ?? 'xml';
  env.onProgress?.({ phase: 'collect' });
  const collected = await collectFiles({
    root,
    include: options.include ?? [],
    ignore: [...(options.ignore ?? []), ...overrides.excluded],
    maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
    ...(options.paths === undefined ? {} : { paths: options.paths }),
    ...(options.source === undefined ? {} : { source: options.source }),
  });
  const cache = options.cache === false ? undefined : env.openCache?.(options.cacheDirectory);
  const secretsMode = options.secrets ?? 'redact';
  const { collection, redactions: fileRedactions } = screenWithCache(collected, secretsMode, cache);
  const { changes: changeSet, redactions: changeRedactions } = screenChanges(await readChanges(root, options), secretsMode);
  const redactions = [...fileRedactions, ...changeRedactions];
  const changed = changeSet ? changedPaths(changeSet) : new Set<string>();
  const seeds = changed.size > 0 ? [...(options.seeds ?? []), ...changed] : options.seeds;
  const history = readHistory(root);
  const tokenizer = cachingTokenizer(await env.loadTokenizer(tokenizerName), cache);
  const warnings = [...collection.warnings];
  const rankedBySignals = rankFiles(collection.files, {
    ...(options.focus !== undefined ? { focus: options.focus } : {}),
    ...(seeds !== undefined ? { seeds } : {}),
    ...historySignal(await history, warnings),
  });
  const ranked = overrides.rerank(boostChangedFiles(rankedBySignals, changed));
  const hasTask = (options.focus ?? '').trim() !== '' || (seeds ?? []).length > 0;
  const order = options.order ?? (hasTask ? 'edges' : 'rank');
  const toAnalyze = options.compress ? ranked : selectForAnalysis(ranked, budget);
  const syntaxByPath = await analyzeFiles(toAnalyze, { ...env, cache }, warnings);
  const estimate = estimatorFor(tokenizerName);
  const fileCandidates = orderForBundle(ranked, order).map((rankedFile): FitCandidate => {
    const syntax = syntaxByPath.get(rankedFile.file.path);
    const input = syntax ? { file: rankedFile.file, syntax } : { file: rankedFile.file };
    // Estimates here; the pricer counts exactly whatever a plan chooses.
    const cached = variantsWithCache(input, estimate, { cache, namespace: `variants-${tokenizerName}` });
    const variants = options.lineNumbers ? withLineNumbers(cached, estimate) : cached;
    return {
      path: rankedFile.file.path,
      language: rankedFile.file.language,
      score: rankedFile.score,
      reasons: rankedFile.reasons,
      variants: overrides.restrict(rankedFile.file.path, options.compress ? capAtSkeleton(variants) : variants),
    };
  });
  // Diff sections come first in the bundle and compete for the same budget as the files.
  const scoreByPath = new Map(ranked.map((rankedFile) => [rankedFile.file.path, rankedFile.score]));
  const isShown = makeGlobFilter({ include: options.include ?? [], ignore: options.ignore ?? [] });
  const diffs = changeSet ? diffCandidates(changeSet, (path) => scoreByPath.get(path), isShown) : [];
  const candidates = [...diffs, ...fileCandidates];
  env.onProgress?.({ phase: 'fit' });
  const pricerOptions: PricerOptions = {
    style,
    tokenizer,
    rootName: basename(root),
    skipped: collection.skipped,
    budget,
    ...(changeSet === undefined ? {} : { changes: bundleChanges(changeSet, diffs.length) }),
    frame: frameOptions(options),
  };
  if (options.split !== undefined && options.split > 1) {
    const listedOnly = collection.skipped.map((skipped) => skipped.path);
    const split = packInParts({ candidates, listedOnly, count: options.split, options: pricerOptions });
    if (cache) warnings.push(...(await cache.flush()));
    const tokens = split.parts.reduce((sum, part) => sum + part.tokens, 0);
    const report = { tokenizer: tokenizer.name, budget, tokens, plan: split.plan, skipped: collection.skipped, warnings, redactions };
    return { bundle: split.parts.map((part) => part.bundle).join(''), parts: split.parts, report };
  }
  const pricer = createBundlePricer(pricerOptions);
  const plan = fitToBudget({
    candidates,
    listedOnly: collection.skipped.map((skipped) => skipped.path),
    budget,
    pricer,
  });
  env.onProgress?.({ phase: 'render' });
  const { text, tokens } = pricer.render(plan);
  if (cache) warnings.push(...(await cache.flush()));
  return {
    bundle: text,
    report: { tokenizer: tokenizer.name, budget, tokens, plan, skipped: collection.skipped, warnings, redactions },
  };
}

/**
 * Parse only files that may end up as a skeleton or outline: the best-ranked ones whose full text adds up to
 * ANALYSIS_POOL_BUDGETS budgets (a file ranked below that would not get a skeleton before better files do), and none
 * when the whole repository fits in full anyway.
 */
const ANALYSIS_POOL_BUDGETS = 4;
/** Share of the budget under which a repository is assumed to fit whole without compression. */
const FITS_WHOLE_SHARE = 0.9;

function selectForAnalysis(ranked: readonly RankedFile[], budget: number): RankedFile[] {
  const sizes = ranked.map((rankedFile) => estimateTokens(rankedFile.file.text));
  const total = sizes.reduce((sum, size) => sum + size, 0);
  if (total <= budget * FITS_WHOLE_SHARE) return [];
  const selected: RankedFile[] = [];
  let pooled = 0;
  for (let index = 0; index < ranked.length && pooled < budget * ANALYSIS_POOL_BUDGETS; index++) {
    selected.push(ranked[index]!);
    pooled += sizes[index]!;
  }
  return selected;
}

/** Git history for the ranking; a repository whose history cannot be read is a warning, never an error. */
function historySignal(result: HistoryResult, warnings: string[]): { history?: readonly GitCommit[] } {
  if (result.kind === 'history') return { history: result.commits };
  if (result.reason === 'failed') warnings.push(`git history unavailable, ranking without recency: ${result.message}`);
  return {};
}

/** The user's additions to every bundle's frame; empty strings count as absent. */
function frameOptions(options: PackOptions): BundleFrameOptions {
  return {
    ...(options.headerText ? { headerText: options.headerText } : {}),
    ...(options.instructions ? { instructions: options.instructions } : {}),
    ...(options.tree === false ? { hideTree: true } : {}),
  };
}

/** With `--compress`, a file that has a skeleton is never shown richer than it. */
function capAtSkeleton(variants: readonly Variant[]): Variant[] {
  const skeletonIndex = variants.findIndex((variant) => variant.level === 'skeleton');
  return skeletonIndex === -1 ? [...variants] : variants.slice(skeletonIndex);
}

/** Tree-sitter facts for every file a grammar supports; failures become warnings, never errors. */
async function analyzeFiles(
  ranked: readonly RankedFile[],
  env: PackEnv & { readonly cache: PackCache | undefined },
  warnings: string[],
): Promise<Map<string, FileSyntax>> {
  const result = new Map<string, FileSyntax>();
  if (!env.createSyntaxAnalyzer) return result;
  let analyzer: SyntaxAnalyzer;
  try {
    analyzer = cachingAnalyzer(await env.createSyntaxAnalyzer(), env.cache);
  } catch (error) {
    warnings.push(`tree-sitter unavailable, using text levels only: ${(error as Error).message}`);
    return result;
  }
  try {
    const supported = ranked.filter((rankedFile) => analyzer.supports(rankedFile.file.language));
    let done = 0;
    for (const { file } of supported) {
      const syntax = await analyzer.analyze(file);
      if ('failure' in syntax) warnings.push(`${file.path}: no skeleton (${syntax.failure})`);
      else result.set(file.path, syntax);
      env.onProgress?.({ phase: 'analyze', done: ++done, total: supported.length });
    }
  } finally {
    analyzer.dispose();
  }
  return result;
}
