/**
 * From gathered inputs to what `fit` weighs: files ranked (focus, graph, history, role, changes, overrides), parsed
 * where a skeleton may be needed, turned into variants; plus one candidate per diff.
 */
import type { FileSyntax, SyntaxAnalyzer } from './analyze/index.js';
import type { PackCache } from './cache/index.js';
import { makeGlobFilter } from './collect/index.js';
import type { FitCandidate } from './fit/index.js';
import { cachingAnalyzer, variantsWithCache } from './pack-cache.js';
import { addedFileWorth, boostChangedFiles, changedPaths, diffCandidates } from './pack-diff.js';
import type { PackEnv } from './pack-env.js';
import type { PackInputs } from './pack-inputs.js';
import type { PackOptions } from './pack-options.js';
import { poolByRank, screenPool } from './pack-pool.js';
import { orderForBundle, rankFiles } from './rank/index.js';
import { withLineNumbers } from './render/index.js';
import type { RankedFile, Variant } from './shared/types.js';
import { estimatorFor } from './tokenize/index.js';

/** Candidates in bundle order: diff sections first (they compete for the same budget), then files. */
export interface PackCandidates {
  readonly candidates: readonly FitCandidate[];
  readonly diffCount: number;
  /** The inputs after the secret screen of the pool: redactions added, files dropped by `--secrets drop` skipped. */
  readonly inputs: PackInputs;
}

/** A file outside the pool: listed in the tree, never shown as text. */
const PATH_ONLY: readonly Variant[] = [{ level: 'path', tokens: 0 }];

/** The ranking, split into the pool of files that may show text (screened for secrets) and path-only files. */
export interface RankedInputs {
  /** The inputs after the screen: redactions added, files dropped by `--secrets drop` skipped. */
  readonly inputs: PackInputs;
  /** Every listed file, most important first; path-only files carry no text. */
  readonly ranked: readonly RankedFile[];
  readonly pathOnly: ReadonlySet<string>;
  readonly fitsWhole: boolean;
  /** Whether there was a task to rank for (it picks the default bundle order). */
  readonly hasTask: boolean;
}

/** Rank, cut the pool, screen it. The gathered inputs are not kept: path-only texts become garbage here. */
export function rankInputs(gathered: PackInputs, options: PackOptions): RankedInputs {
  const { ranked, hasTask } = rankForTask(gathered, options);
  const split = poolByRank(ranked, gathered.budget, options.compress === true);
  const screened = screenPool(ranked, split, gathered.collection, { mode: gathered.secretsMode, cache: gathered.cache });
  return {
    inputs: { ...gathered, collection: screened.collection, redactions: [...screened.redactions, ...gathered.redactions] },
    ranked: screened.ranked,
    pathOnly: split.pathOnly,
    fitsWhole: split.fitsWhole,
    hasTask,
  };
}

/** Parse and build variants for the pool's files; path-only files get the path level alone; diffs get theirs. */
export async function buildCandidates(rankedInputs: RankedInputs, options: PackOptions, env: PackEnv): Promise<PackCandidates> {
  const { inputs, ranked, pathOnly, fitsWhole, hasTask } = rankedInputs;
  // A repository that fits whole needs no skeleton: nothing is parsed unless `--compress` asks for skeletons.
  const toAnalyze = fitsWhole && options.compress !== true ? [] : ranked.filter((rankedFile) => !pathOnly.has(rankedFile.file.path));
  const syntaxByPath = await analyzeFiles(toAnalyze, { ...env, cache: inputs.cache }, inputs.warnings);
  const estimate = estimatorFor(inputs.tokenizerName);
  const files = orderForBundle(ranked, options.order ?? (hasTask ? 'edges' : 'rank')).map((rankedFile): FitCandidate => {
    const candidate = {
      path: rankedFile.file.path,
      language: rankedFile.file.language,
      score: rankedFile.score,
      reasons: rankedFile.reasons,
      ...(rankedFile.overview ? { overview: true } : {}),
    };
    if (pathOnly.has(rankedFile.file.path)) return { ...candidate, variants: PATH_ONLY };
    const syntax = syntaxByPath.get(rankedFile.file.path);
    const input = syntax ? { file: rankedFile.file, syntax } : { file: rankedFile.file };
    // Estimates here; the pricer counts exactly whatever a plan chooses.
    const built = variantsWithCache(input, estimate, { cache: inputs.cache, namespace: `variants-${inputs.tokenizerName}` });
    const variants = options.lineNumbers ? withLineNumbers(built, estimate) : built;
    return { ...candidate, variants: inputs.overrides.restrict(rankedFile.file.path, options.compress ? capAtSkeleton(variants) : variants) };
  });
  const scoreByPath = new Map(ranked.map((rankedFile) => [rankedFile.file.path, rankedFile.score]));
  const isShown = makeGlobFilter({ include: options.include ?? [], ignore: options.ignore ?? [] });
  const diffs = inputs.changeSet ? diffCandidates(inputs.changeSet, (path) => scoreByPath.get(path), isShown) : [];
  return { candidates: [...diffs, ...files], diffCount: diffs.length, inputs };
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
  const added = inputs.changeSet ? addedFileWorth(inputs.changeSet) : undefined;
  return { ranked: inputs.overrides.rerank(boostChangedFiles(ranked, changed, added)), hasTask };
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
  const workerWarnings: string[] = [];
  let analyzer: SyntaxAnalyzer;
  try {
    analyzer = cachingAnalyzer(await env.createSyntaxAnalyzer({ onWarning: (message) => workerWarnings.push(message) }), env.cache);
  } catch (error) {
    warnings.push(`tree-sitter unavailable, using text levels only: ${(error as Error).message}`);
    return result;
  }
  try {
    const supported = ranked.filter((rankedFile) => analyzer.supports(rankedFile.file.language));
    let done = 0;
    // Asked for all at once, so a large batch of cache misses can go to worker threads; read back in rank order.
    const syntaxes = await Promise.all(
      supported.map(({ file }) =>
        analyzer.analyze(file).then((syntax) => {
          env.onProgress?.({ phase: 'analyze', done: ++done, total: supported.length });
          return syntax;
        }),
      ),
    );
    supported.forEach(({ file }, index) => {
      const syntax = syntaxes[index]!;
      if ('failure' in syntax) warnings.push(`${file.path}: no skeleton (${syntax.failure})`);
      else result.set(file.path, syntax);
    });
  } finally {
    analyzer.dispose();
  }
  warnings.push(...workerWarnings);
  return result;
}
