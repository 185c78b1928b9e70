/**
 * Plan entries built once per candidate and option. A fit re-plans every file in every round (11 rounds per fit on a
 * 35k-file Java monorepo at --budget 256k, two fits per pack) while most files stay at the same level: building every
 * entry anew took a fifth of the fit's time there, and much of its garbage. An entry is a pure function of its
 * candidate and option, and plans never change their entries, so plans share them.
 */
import type { PlanEntry, Variant } from '../shared/types.js';
import { isPathOnly, type FitCandidate, type PricedOption } from './choose-levels.js';

const PATH_ONLY: Variant = { level: 'path', tokens: 0 };
const PATH_ONLY_OPTION: PricedOption = { variant: PATH_ONLY, tokens: 0, value: 0 };

/** The entries built so far from one option array of a candidate, by option index. */
interface CandidateEntries {
  readonly options: readonly PricedOption[];
  readonly entries: (PlanEntry | undefined)[];
}

interface EntryCache {
  readonly byCandidate: (CandidateEntries | undefined)[];
  pathOnly?: readonly PlanEntry[];
}

/**
 * The one entry of a file offered only as a path, by candidate: the same in every plan, the path-only plan included,
 * and in every fit of a pack (later fits pass the same candidate objects in new lists), so it is built once. Built per
 * list and again for the path-only plan, these were 69k objects per fit on a 35k-file tree.
 */
const pathEntries = new WeakMap<FitCandidate, PlanEntry>();

/** Whether planEntry would build the shared path entry: the path variant alone, at 0 tokens (its full tokens are 0). */
function isSharedPathEntry(candidate: FitCandidate, options: readonly PricedOption[]): boolean {
  return options.length === 1 && options[0]!.tokens === 0 && isPathOnly(candidate) && options[0]!.variant === candidate.variants[0];
}

function pathEntryOf(candidate: FitCandidate): PlanEntry {
  let entry = pathEntries.get(candidate);
  if (entry === undefined) {
    entry = planEntry(candidate, { variant: candidate.variants[0]!, tokens: 0, value: 0 }, 0);
    pathEntries.set(candidate, entry);
  }
  return entry;
}

/** Per candidate list: the fits of a pack pass new lists, so nothing outlives the fit that built it. */
const caches = new WeakMap<readonly FitCandidate[], EntryCache>();

function cacheOf(candidates: readonly FitCandidate[]): EntryCache {
  let cache = caches.get(candidates);
  if (cache === undefined) {
    cache = { byCandidate: [] };
    caches.set(candidates, cache);
  }
  return cache;
}

/**
 * The entry of each candidate at its chosen option (`options[i][choice[i]]`), its `fullTokens` the first option's
 * variant tokens. Entries are reused while a candidate's option array is the same array: a re-priced file gets a new one.
 */
export function planEntries(
  candidates: readonly FitCandidate[],
  options: readonly (readonly PricedOption[])[],
  choice: readonly number[],
): PlanEntry[] {
  const { byCandidate } = cacheOf(candidates);
  const entries = new Array<PlanEntry>(options.length);
  for (let index = 0; index < options.length; index++) {
    const candidateOptions = options[index]!;
    const candidate = candidates[index]!;
    let built = byCandidate[index];
    if (built === undefined || built.options !== candidateOptions) {
      built = { options: candidateOptions, entries: [] };
      byCandidate[index] = built;
    }
    const chosen = choice[index]!;
    let entry = built.entries[chosen];
    if (entry === undefined) {
      entry = isSharedPathEntry(candidate, candidateOptions)
        ? pathEntryOf(candidate)
        : planEntry(candidate, candidateOptions[chosen]!, candidateOptions[0]!.variant.tokens);
      built.entries[chosen] = entry;
    }
    entries[index] = entry;
  }
  return entries;
}

/** Every candidate at a bare `path` level (tokens and full tokens 0): the entries of the smallest bundle. */
export function pathOnlyEntries(candidates: readonly FitCandidate[]): readonly PlanEntry[] {
  const cache = cacheOf(candidates);
  cache.pathOnly ??= candidates.map((candidate) => (isPathOnly(candidate) ? pathEntryOf(candidate) : planEntry(candidate, PATH_ONLY_OPTION, 0)));
  return cache.pathOnly;
}

function planEntry(candidate: FitCandidate, option: PricedOption, fullTokens: number): PlanEntry {
  const { path, language, score, reasons, section } = candidate;
  const { variant, tokens } = option;
  // Two literals rather than a spread of an optional field: the spread cost most of the time spent building entries.
  return section === undefined
    ? { path, language, score, reasons, variant, tokens, fullTokens }
    : { path, language, score, reasons, variant, tokens, fullTokens, section };
}
