/**
 * Cheap first: only the best-ranked files whose text adds up to a few budgets can end up shown as text, so only they
 * are screened for secrets, parsed and turned into variants. Every other file is listed by path, as it would be
 * anyway, without paying for work on text that could never enter the bundle. On a 43k-file tree this skips the
 * secret scan and variant building of about nine files in ten.
 */
import type { PackCache } from './cache/index.js';
import { screenWithCache } from './pack-cache.js';
import type { SecretsMode } from './redact/index.js';
import type { Collection, RankedFile, SecretRedaction, SourceFile } from './shared/types.js';

/**
 * How many budgets of full text the pool holds. A file ranked below that line would only be shown after better files
 * had already filled the budget four times over in full, or about a dozen times as skeletons.
 */
export const POOL_BUDGETS = 4;
/**
 * The pool never holds fewer files than this: a few big top-ranked files can spend the pool's budgets alone, and a
 * task's file ranked 7th–40th behind them must still get an outline (eval at 32k without tree-sitter, all task files
 * shown at any level: fastapi 70 → 85 %, zod 65 → 70 %, gin 95 → 100 %). A few hundred more files cost well under a
 * second to screen and parse.
 */
export const POOL_MIN_FILES = 300;
/** Share of the budget under which a repository is assumed to fit whole: then every file is in the pool. */
export const FITS_WHOLE_SHARE = 0.9;
/**
 * Characters per token for the pool line: a deliberately low ratio (code runs 3.5–4.5, CJK prose near 1–2), so the
 * pool errs on the large side; it is a cut-off, never a price.
 */
const POOL_CHARS_PER_TOKEN = 3;

/** The ranked files split into those that may be shown as text and those listed by path only. */
export interface RankedPool {
  readonly pool: readonly RankedFile[];
  readonly pathOnly: ReadonlySet<string>;
  /** True when the whole repository is expected to fit in full (nothing needs a skeleton). */
  readonly fitsWhole: boolean;
}

/**
 * Split ranked files at POOL_BUDGETS budgets of estimated full text; `keepAll` (`--compress`: skeletons for
 * everything) puts every file in the pool. Files pinned by the config rank first, so they are always in it.
 */
export function poolByRank(ranked: readonly RankedFile[], budget: number, keepAll = false): RankedPool {
  const sizes = ranked.map((rankedFile) => Math.ceil(rankedFile.file.text.length / POOL_CHARS_PER_TOKEN));
  const total = sizes.reduce((sum, size) => sum + size, 0);
  const fitsWhole = total <= budget * FITS_WHOLE_SHARE;
  if (fitsWhole || keepAll) return { pool: ranked, pathOnly: new Set(), fitsWhole };
  const pool: RankedFile[] = [];
  const pathOnly = new Set<string>();
  let pooled = 0;
  ranked.forEach((rankedFile, index) => {
    if (pooled < budget * POOL_BUDGETS || pool.length < POOL_MIN_FILES) {
      pool.push(rankedFile);
      pooled += sizes[index]!;
    } else {
      pathOnly.add(rankedFile.file.path);
    }
  });
  return { pool, pathOnly, fitsWhole };
}

/** Ranked files after the secret screen of the pool. */
export interface ScreenedRanking {
  /** Every listed file in rank order: pool files screened (dropped ones gone), path-only files without their text. */
  readonly ranked: readonly RankedFile[];
  /** The same files as a collection; files dropped by `--secrets drop` are in `skipped`. */
  readonly collection: Collection;
  readonly redactions: readonly SecretRedaction[];
}

/**
 * Screen only the pool's files for secrets (nothing else ever shows text) and release the text of path-only files,
 * so a huge tree does not keep its whole content in memory while the pool is parsed and fitted.
 */
export function screenPool(
  ranked: readonly RankedFile[],
  split: RankedPool,
  collection: Collection,
  secrets: { readonly mode: SecretsMode; readonly cache: PackCache | undefined },
): ScreenedRanking {
  // The screen merges the files `--secrets drop` removes into `skipped`, in path order.
  const screened = screenWithCache({ ...collection, files: split.pool.map((rankedFile) => rankedFile.file) }, secrets.mode, secrets.cache);
  const shown = new Map<string, SourceFile>(screened.collection.files.map((file) => [file.path, file]));
  const listedFile = (file: SourceFile): SourceFile | undefined =>
    split.pathOnly.has(file.path) ? { ...file, text: '' } : shown.get(file.path);
  const screenedRanked = ranked.flatMap((rankedFile) => {
    const file = listedFile(rankedFile.file);
    return file === undefined ? [] : [file === rankedFile.file ? rankedFile : { ...rankedFile, file }];
  });
  const files = collection.files.flatMap((file) => listedFile(file) ?? []);
  return { ranked: screenedRanked, collection: { ...collection, files, skipped: screened.collection.skipped }, redactions: screened.redactions };
}
