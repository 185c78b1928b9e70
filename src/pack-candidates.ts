/**
 * From gathered inputs to what `fit` weighs: files ranked (focus, graph, history, role, changes, overrides), parsed
 * where a skeleton may be needed, turned into variants; plus one candidate per diff.
 */
import type { FileSyntax } from './analyze/index.js';
import { makeGlobFilter } from './collect/index.js';
import type { FitCandidate } from './fit/index.js';
import { variantsWithCache } from './pack-cache.js';
import { addedFileWorth, boostChangedFiles, changedPaths, diffCandidates } from './pack-diff.js';
import type { PackEnv } from './pack-env.js';
import type { PackInputs } from './pack-inputs.js';
import { LAZY_SYNTAX_MAX_FILES, withPlaceholders, type PendingSyntax } from './pack-lazy-syntax.js';
import type { PackOptions } from './pack-options.js';
import { poolByRank, screenPool } from './pack-pool.js';
import type { SyntaxChecker } from './pack-shown-checks.js';
import { openSyntaxBatches, type SyntaxBatches } from './pack-syntax-batches.js';
import { orderForBundle, rankFiles } from './rank/index.js';
import { withLineNumbers } from './render/index.js';
import { unparsedVariants } from './represent/index.js';
import type { RankedFile, SourceFile, Variant } from './shared/types.js';
import { estimatorFor } from './tokenize/index.js';

/** Candidates in bundle order: diff sections first (they compete for the same budget), then files. */
export interface PackCandidates {
  readonly candidates: readonly FitCandidate[];
  readonly diffCount: number;
  /** The inputs after the secret screen of the pool: redactions added, files dropped by `--secrets drop` skipped. */
  readonly inputs: PackInputs;
  /** Set when files offer placeholders (`Variant.pending`) for the levels a parse builds; see pack-lazy-syntax.ts. */
  readonly pendingSyntax?: PendingSyntax;
  /** Set when every pool file was parsed first (no `pendingSyntax`): checks the unverified variants a plan shows. */
  readonly syntaxChecker?: SyntaxChecker;
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

/**
 * Build variants for the pool's files; path-only files get the path level alone; diffs get theirs. Files a grammar
 * supports get placeholders for their parse levels and are parsed when a plan chooses one (`pendingSyntax`); with
 * `eagerSyntax`, `split` or over LAZY_SYNTAX_MAX_FILES files, every pool file is parsed first instead.
 */
export async function buildCandidates(rankedInputs: RankedInputs, options: PackOptions, env: PackEnv): Promise<PackCandidates> {
  const { inputs, ranked, pathOnly, fitsWhole, hasTask } = rankedInputs;
  // A repository that fits whole needs no skeleton: nothing is parsed unless `--compress` asks for skeletons.
  const pool = fitsWhole && options.compress !== true ? [] : ranked.filter((rankedFile) => !pathOnly.has(rankedFile.file.path)).map(({ file }) => file);
  const syntaxEnv = { ...env, cache: inputs.cache };
  const split = options.split !== undefined && options.split > 1;
  const eager = options.eagerSyntax === true || split || ranked.length > LAZY_SYNTAX_MAX_FILES;
  // Open through the fit either way: the representations a plan shows are checked with the grammars already loaded.
  // Eager on a 28k-file tree the checks raise the peak by ~40 MB (334 → 370 MB; grammars held while the fit's data
  // is live); closing it after parsing and opening a fresh analyzer for the checks peaked the same (368 MB).
  const batches = pool.length > 0 ? await openSyntaxBatches(syntaxEnv, inputs.warnings) : undefined;
  const syntaxByPath = eager && batches ? await batches.analyze(pool) : new Map<string, FileSyntax>();
  const variantsOf = variantBuilder(inputs, options);
  const files = orderForBundle(ranked, options.order ?? (hasTask ? 'edges' : 'rank')).map((rankedFile): FitCandidate => {
    const candidate = {
      path: rankedFile.file.path,
      language: rankedFile.file.language,
      score: rankedFile.score,
      reasons: rankedFile.reasons,
      ...(rankedFile.overview ? { overview: true } : {}),
    };
    if (pathOnly.has(rankedFile.file.path)) return { ...candidate, variants: PATH_ONLY };
    const { file } = rankedFile;
    const provisional = !eager && batches?.supports(file.language) === true;
    return { ...candidate, variants: variantsOf(file, syntaxByPath.get(file.path), provisional) };
  });
  const scoreByPath = new Map(ranked.map((rankedFile) => [rankedFile.file.path, rankedFile.score]));
  const isShown = makeGlobFilter({ include: options.include ?? [], ignore: options.ignore ?? [] });
  const diffs = inputs.changeSet ? diffCandidates(inputs.changeSet, (path) => scoreByPath.get(path), isShown) : [];
  const candidates = [...diffs, ...files];
  if (!batches) return { candidates, diffCount: diffs.length, inputs };
  if (eager) return { candidates, diffCount: diffs.length, inputs, syntaxChecker: batches };
  batches.prewarm(pool);
  return { candidates, diffCount: diffs.length, inputs, pendingSyntax: pendingSyntaxOf(batches, ranked, variantsOf) };
}

type VariantsOf = (file: SourceFile, syntax: FileSyntax | undefined, provisional: boolean) => Variant[];

/** A file's variants as fit sees them: built (through the cache), placeholders, line numbers, overrides, `--compress`. */
function variantBuilder(inputs: PackInputs, options: PackOptions): VariantsOf {
  const estimate = estimatorFor(inputs.tokenizerName);
  const cache = { cache: inputs.cache, namespace: `variants-${inputs.tokenizerName}` };
  return (file, syntax, provisional) => {
    // Estimates here; the pricer counts exactly whatever a plan chooses.
    // A file a plan may still parse skips text-level stripping and summaries: a parse would replace them.
    let variants = provisional ? unparsedVariants(file, estimate) : variantsWithCache(syntax ? { file, syntax } : { file }, estimate, cache);
    if (provisional) variants = withPlaceholders(variants, variants[0]?.level === 'full' ? variants[0].tokens : estimate(file.text));
    if (options.lineNumbers) variants = withLineNumbers(variants, estimate);
    return inputs.overrides.restrict(file.path, options.compress ? capAtSkeleton(variants) : variants);
  };
}

function pendingSyntaxOf(batches: SyntaxBatches, ranked: readonly RankedFile[], variantsOf: VariantsOf): PendingSyntax {
  const fileByPath = new Map(ranked.map(({ file }) => [file.path, file]));
  return {
    async resolve(paths) {
      const files = paths.flatMap((path) => fileByPath.get(path) ?? []);
      const syntaxByPath = await batches.analyze(files);
      return new Map(files.map((file) => [file.path, variantsOf(file, syntaxByPath.get(file.path), false)]));
    },
    verify: (checks) => batches.verify(checks),
    dispose: () => batches.dispose(),
  };
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
