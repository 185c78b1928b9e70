import type { BundlePricer, FitCandidate } from './fit/index.js';
import {
  renderBundleParts,
  renderClosing,
  renderPreamble,
  renderSection,
  renderTree,
  type BundleChanges,
  type BundleHeader,
  type Style,
  type TreeInput,
} from './render/index.js';
import type { Tokenizer } from './shared/tokenizer.js';
import { countBoundaryPieces, countParts, estimatorFor, memoisedCount } from './tokenize/index.js';
import type { CollapsedDirectory, Level, Plan, PlanEntry, SkippedFile, Variant } from './shared/types.js';

/**
 * Estimate over budget beyond which a tree is not counted exactly. The estimate ran 0.68–1.30 × the exact count
 * (5th–95th percentile, see estimate-tokens.ts), so 1.5 × budget means the exact tree exceeds the budget too.
 */
const SURELY_OVER_BUDGET = 1.5;

/** Re-renders allowed for the header's stated token count to settle (a count's digits can change the count). */
const MAX_HEADER_SETTLE_ROUNDS = 4;

export interface PricerOptions {
  readonly style: Style;
  readonly tokenizer: Tokenizer;
  readonly rootName: string;
  readonly skipped: readonly SkippedFile[];
  readonly budget: number;
  /** The changes block shown after the header when the pack shows diffs or a log. */
  readonly changes?: BundleChanges;
  /** `--header-text`, `--instructions` and `--no-tree`: part of the frame, so fit prices them like the header. */
  readonly frame?: BundleFrameOptions;
  /**
   * A remembering counter shared by the pricers of one pack (see `memoisedCount`): a count is a pure function of the
   * text, so sharing it changes no plan, and a later fit does not tokenise again the sections an earlier one showed.
   */
  readonly countText?: (text: string) => number;
  /**
   * Prices shared by the pricers of one pack (see `createPricerMemo`): like `countText`, pure functions of their keys
   * for pricers made alike, so sharing them changes no plan; a later fit then neither re-estimates every variant's
   * wrapper nor renders the chosen tree again. Exact section counts stay per pricer: they steer a fit's plans.
   */
  readonly memo?: PricerMemo;
}

/** Wrapper estimates by variant and tree prices by collapsed set; see `PricerOptions.memo`. */
export interface PricerMemo {
  readonly wrapperTokens: WeakMap<Variant, number>;
  readonly treeTokens: WeakMap<readonly CollapsedDirectory[], number>;
}

/** An empty memo for the pricers of one pack, all made with the same options. */
export function createPricerMemo(): PricerMemo {
  return { wrapperTokens: new WeakMap(), treeTokens: new WeakMap() };
}

/** What the user adds to (or removes from) every bundle's frame. */
export interface BundleFrameOptions {
  readonly headerText?: string;
  readonly instructions?: string;
  readonly hideTree?: boolean;
}

/** A `BundlePricer` that also renders the final bundle; exact counts are memoised per plan. */
export interface RenderingPricer extends BundlePricer {
  render(plan: Plan): { text: string; tokens: number };
}

/**
 * Wires render and the tokenizer for `fit`. A section is priced by estimate (its wrapper plus the variant's estimated
 * tokens) until `firmUp` counts the sections a plan shows, exactly and once each. The whole bundle is counted exactly
 * at the end, so estimates cannot break the budget; where the tokenizer allows, that count adds up the parts already
 * counted (see `tokenize/part-count.ts`) instead of tokenising the bundle again.
 */
export function createBundlePricer(options: PricerOptions): RenderingPricer {
  const { style, tokenizer } = options;
  const countText = options.countText ?? memoisedCount((text) => tokenizer.count(text));
  const additive = tokenizer.additiveAtLineStarts === true;
  const rendered = new WeakMap<Plan, { text: string; tokens: number }>();
  const exactSectionTokens = new WeakMap<Variant, number>();
  const wrapperTokens = options.memo?.wrapperTokens ?? new WeakMap<Variant, number>();
  const estimate = estimatorFor(tokenizer.name);
  const frameParts = framePartsCounter(options, countText);
  const header = (plan: Plan, tokens: number): BundleHeader => ({
    rootName: options.rootName,
    tokenizer: tokenizer.name,
    budget: options.budget,
    tokens,
    fileCount: fileEntryCount(plan) + options.skipped.length,
    ...(options.changes === undefined ? {} : { changes: options.changes }),
    ...options.frame,
  });
  // Only a tree not priced before is rendered (every file at `path` level), so its input is built only then.
  const pathOnlyTreeOf = (plan: Plan): TreeInput => ({
    entries: fileEntries(plan).map((entry) => ({ path: entry.path, level: 'path' as const })),
    skipped: options.skipped,
    collapsed: plan.collapsed,
    ...(options.frame?.hideTree === true ? { hidden: true } : {}),
  });

  const render = (plan: Plan): { text: string; tokens: number } => {
    const cached = rendered.get(plan);
    if (cached) return cached;
    let stated = plan.entries.reduce((sum, entry) => sum + entry.tokens, 0);
    let tokens = -1;
    let parts: string[] = [];
    for (let round = 0; round < MAX_HEADER_SETTLE_ROUNDS && tokens !== stated; round++) {
      if (tokens >= 0) stated = tokens;
      // Only the preamble states the count: a settling round renders it alone, not the tree and sections again.
      if (parts.length === 0) {
        parts = renderBundleParts({ style, header: header(plan, stated), plan, skipped: options.skipped });
      } else {
        parts[0] = renderPreamble(style, header(plan, stated));
      }
      tokens = countParts(additive ? withTreePieces(parts) : parts, countText, additive);
    }
    const result = { text: parts.join(''), tokens };
    rendered.set(plan, result);
    return result;
  };

  const wrapperText = (candidate: FitCandidate, variant: Exclude<Variant, { level: 'path' }>): string =>
    renderSection(style, {
        path: candidate.path,
        language: candidate.language,
        score: candidate.score,
        reasons: candidate.reasons,
        // A diff section with no text renders as one line, so its wrapper is priced with a minimal body.
        variant: { ...variant, text: candidate.section === 'diff' && variant.text !== '' ? '\n' : '' },
        tokens: 0,
        fullTokens: 0,
        ...(candidate.section === undefined ? {} : { section: candidate.section }),
      });

  return {
    sectionTokens(candidate: FitCandidate, variant: Variant): number {
      if (variant.level === 'path') return 0;
      const exact = exactSectionTokens.get(variant);
      if (exact !== undefined) return exact;
      // Wrappers of the many variants fit never shows are estimated; firmUp counts the sections a plan shows.
      let wrapper = wrapperTokens.get(variant);
      if (wrapper === undefined) {
        wrapper = estimate(wrapperText(candidate, variant));
        wrapperTokens.set(variant, wrapper);
      }
      return wrapper + variant.tokens;
    },
    firmUp(plan: Plan): boolean {
      let changed = false;
      for (const entry of plan.entries) {
        // A placeholder (`pending`) has no text to count; the lazy fit parses its file before anything counts it.
        if (entry.variant.level === 'path' || entry.variant.pending || exactSectionTokens.has(entry.variant)) continue;
        // The very text the bundle will hold, so the final count finds it remembered.
        const exact = countText(renderSection(style, entry));
        exactSectionTokens.set(entry.variant, exact);
        changed ||= exact !== entry.tokens;
      }
      return changed;
    },
    frameTokens(plan: Plan): number {
      const { preamble, tree, marker } = frameParts(header(plan, options.budget), plan.collapsed, () => pathOnlyTreeOf(plan));
      let markers = 0;
      for (const entry of plan.entries) if (entry.section !== 'diff') markers += marker(entry.variant.level);
      return countText(preamble) + tree + markers;
    },
    bundleTokens: (plan: Plan) => render(plan).tokens,
    render,
  };
}

/**
 * The frame's price in parts, so a planning round renders no tree: the tree with every file at `path` level is counted
 * once per collapsed set (fit keeps one set across rounds), and a shown file adds its level marker (` (full)`), counted
 * once per level. Markers start a pre-token of their own (space, parenthesis), so the sum is close to the exact count;
 * it is an estimate all the same (a file under a collapsed directory shows no marker), and the bundle is counted
 * exactly at the end.
 */
function framePartsCounter(options: PricerOptions, countText: (text: string) => number) {
  const { style, tokenizer } = options;
  const estimate = estimatorFor(tokenizer.name);
  const additive = tokenizer.additiveAtLineStarts === true;
  const treeTokens = options.memo?.treeTokens ?? new WeakMap<readonly CollapsedDirectory[], number>();
  const markerTokens = new Map<Level, number>();
  const hidden = options.frame?.hideTree === true;
  const marker = (level: Level): number => {
    if (level === 'path' || hidden) return 0;
    let tokens = markerTokens.get(level);
    if (tokens === undefined) {
      tokens = countText(` (${level})`);
      markerTokens.set(level, tokens);
    }
    return tokens;
  };
  return (header: BundleHeader, collapsed: readonly CollapsedDirectory[], pathOnlyTree: () => TreeInput) => {
    let tokens = treeTokens.get(collapsed);
    if (tokens === undefined) {
      const text = renderTree(style, pathOnlyTree());
      // A tree that surely overflows the whole budget is rejected whatever its exact size: its estimate will do.
      const estimated = estimate(text);
      tokens = estimated > options.budget * SURELY_OVER_BUDGET ? estimated : countParts(additive ? countBoundaryPieces(text) : [text], countText, additive);
      treeTokens.set(collapsed, tokens);
    }
    const preamble = renderPreamble(style, header) + renderClosing(style, options.frame?.instructions);
    return { preamble, tree: tokens, marker };
  };
}

/**
 * The bundle's parts with the tree (always the second part, see `renderBundleParts`) cut into its top-level blocks:
 * consecutive exact counts show the same tree but for a few level markers, and the probed trees of the tree search
 * were counted by the same blocks, so most of a tree is counted once per pack (a 35k-file tree took 50–80 ms a count).
 */
function withTreePieces(parts: readonly string[]): string[] {
  const [preamble, tree, ...rest] = parts;
  return tree === undefined ? [...parts] : [preamble!, ...countBoundaryPieces(tree), ...rest];
}

/** The entries the tree lists: every file (a diff repeats a file's path or names a deleted one). */
function fileEntries(plan: Plan): readonly PlanEntry[] {
  return plan.entries.filter((entry) => entry.section !== 'diff');
}

/** How many entries are files, without building the list (the header asks on every planning round). */
function fileEntryCount(plan: Plan): number {
  let count = 0;
  for (const entry of plan.entries) if (entry.section !== 'diff') count++;
  return count;
}
