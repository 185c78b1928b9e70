/**
 * Per-glob overrides from the config (`overrides: [{ files, level, exclude, priority }]`), applied between rank and
 * fit: a priority multiplies the rank score, a level caps (or, for `full`, pins) the variants a file may take, and
 * `exclude` globs join the ignore list before collection.
 */
import { makeGlobFilter } from './collect/index.js';
import type { FileOverride } from './config/index.js';
import { LEVELS, type RankedFile, type Variant } from './shared/types.js';

/**
 * Score multiplier for `level: "full"`: large enough that the knapsack takes the full text before any other file's
 * richer level, without breaking ties between pinned files (they keep their relative order).
 */
const PINNED_FULL_BOOST = 1000;

/** Overrides compiled to path tests. */
export interface CompiledOverrides {
  /** Globs of `exclude: true` entries, for collect's ignore list. */
  readonly excluded: readonly string[];
  /** Apply priorities (first match wins) and re-sort, most important first, ties by path. */
  rerank(ranked: readonly RankedFile[]): RankedFile[];
  /** Restrict a file's variants by the first matching `level` (the `path` variant always stays). */
  restrict(path: string, variants: readonly Variant[]): Variant[];
}

export function compileOverrides(overrides: readonly FileOverride[] = []): CompiledOverrides {
  const compiled = overrides.map((override) => ({
    override,
    matches: makeGlobFilter({ include: override.files, ignore: [] }),
  }));
  const first = (path: string, key: 'level' | 'priority') =>
    compiled.find((entry) => entry.override[key] !== undefined && entry.matches(path))?.override;
  return {
    excluded: overrides.filter((override) => override.exclude === true).flatMap((override) => override.files),
    rerank(ranked) {
      if (compiled.length === 0) return [...ranked];
      return ranked
        .map((rankedFile) => adjustScore(rankedFile, first(rankedFile.file.path, 'priority'), first(rankedFile.file.path, 'level')))
        .sort((a, b) => b.score - a.score || (a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : 0));
    },
    restrict(path, variants) {
      const level = first(path, 'level')?.level;
      if (level === undefined) return [...variants];
      if (level === 'full') return variants.filter((variant) => variant.level === 'full' || variant.level === 'path');
      const cap = LEVELS.indexOf(level);
      const allowed = variants.filter((variant) => LEVELS.indexOf(variant.level) >= cap);
      return allowed; // never empty: `path` ranks below every cap
    },
  };
}

function adjustScore(rankedFile: RankedFile, byPriority?: FileOverride, byLevel?: FileOverride): RankedFile {
  const priority = byPriority?.priority ?? 1;
  const pinned = byLevel?.level === 'full' ? PINNED_FULL_BOOST : 1;
  if (priority === 1 && pinned === 1) return rankedFile;
  const reasons = [...rankedFile.reasons];
  if (priority !== 1) reasons.push(`config priority ×${priority} (${byPriority!.files.join(', ')})`);
  if (pinned !== 1) reasons.push(`config level full (${byLevel!.files.join(', ')})`);
  return { ...rankedFile, score: rankedFile.score * priority * pinned, reasons };
}
