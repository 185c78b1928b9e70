/**
 * From gathered inputs to what `fit` weighs: files ranked (focus, graph, history, role, changes, overrides), parsed
 * where a skeleton may be needed, turned into variants; plus one candidate per diff.
 */
import type { FileSyntax, SyntaxAnalyzer } from './analyze/index.js';
import type { PackCache } from './cache/index.js';
import { makeGlobFilter } from './collect/index.js';
import type { FitCandidate } from './fit/index.js';
import { cachingAnalyzer, variantsWithCache } from './pack-cache.js';
import { boostChangedFiles, changedPaths, diffCandidates } from './pack-diff.js';
import type { PackEnv } from './pack-env.js';
import type { PackInputs } from './pack-inputs.js';
import type { PackOptions } from './pack-options.js';
import { orderForBundle, rankFiles } from './rank/index.js';
import { withLineNumbers } from './render/index.js';
import type { RankedFile, Variant } from './shared/types.js';
import { estimateTokens, estimatorFor } from './tokenize/index.js';

/** Candidates in bundle order: diff sections first (they compete for the same budget), then files. */
export interface PackCandidates {
  readonly candidates: readonly FitCandidate[];
  readonly diffCount: number;
}

/** Rank, parse what may need a skeleton, and build every file's variants. */
export async function buildCandidates(inputs: PackInputs, options: PackOptions, env: PackEnv): Promise<PackCandidates> {
  const { ranked, hasTask } = rankForTask(inputs, options);
  const toAnalyze = options.compress ? ranked : selectForAnalysis(ranked, inputs.budget);
  const syntaxByPath = await analyzeFiles(toAnalyze, { ...env, cache: inputs.cache }, inputs.warnings);
  const estimate = estimatorFor(inputs.tokenizerName);
  const files = orderForBundle(ranked, options.order ?? (hasTask ? 'edges' : 'rank')).map((rankedFile): FitCandidate => {
    const syntax = syntaxByPath.get(rankedFile.file.path);
    const input = syntax ? { file: rankedFile.file, syntax } : { file: rankedFile.file };
    // Estimates here; the pricer counts exactly whatever a plan chooses.
    const built = variantsWithCache(input, estimate, { cache: inputs.cache, namespace: `variants-${inputs.tokenizerName}` });
    const variants = options.lineNumbers ? withLineNumbers(built, estimate) : built;
    return {
      path: rankedFile.file.path,
      language: rankedFile.file.language,
      score: rankedFile.score,
      reasons: rankedFile.reasons,
      variants: inputs.overrides.restrict(rankedFile.file.path, options.compress ? capAtSkeleton(variants) : variants),
    };
  });
  const scoreByPath = new Map(ranked.map((rankedFile) => [rankedFile.file.path, rankedFile.score]));
  const isShown = makeGlobFilter({ include: options.include ?? [], ignore: options.ignore ?? [] });
  const diffs = inputs.changeSet ? diffCandidates(inputs.changeSet, (path) => scoreByPath.get(path), isShown) : [];
  return { candidates: [...diffs, ...files], diffCount: diffs.length };
}

/**
 * Signals from the task (focus, seeds, changed files), history and role; then overrides' priorities. `hasTask` tells
 * whether there was a task to rank for (it picks the default bundle order).
 */
function rankForTask(inputs: PackInputs, options: PackOptions): { ranked: RankedFile[]; hasTask: boolean } {
  const changed = inputs.changeSet ? changedPaths(inputs.changeSet) : new Set<string>();
  const seeds = changed.size > 0 ? [...(options.seeds ?? []), ...changed] : options.seeds;
  const ranked = rankFiles(inputs.collection.files, {
    ...(options.focus !== undefined ? { focus: options.focus } : {}),
    ...(seeds !== undefined ? { seeds } : {}),
    ...(inputs.history !== undefined ? { history: inputs.history } : {}),
  });
  const hasTask = (options.focus ?? '').trim() !== '' || (seeds ?? []).length > 0;
  return { ranked: inputs.overrides.rerank(boostChangedFiles(ranked, changed)), hasTask };
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
  if (!env.createSyntaxAnalyzer || ranked.length === 0) return result;
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
