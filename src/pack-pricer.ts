import type { BundlePricer, FitCandidate } from './fit/index.js';
import {
  renderBundle,
  renderClosing,
  renderPreamble,
  renderSection,
  renderTree,
  type BundleChanges,
  type BundleHeader,
  type Style,
} from './render/index.js';
import type { Tokenizer } from './shared/tokenizer.js';
import type { Plan, SkippedFile, Variant } from './shared/types.js';

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
 * Wires render and the tokenizer for `fit`. A section is priced as its wrapper (counted exactly) plus the variant's
 * tokens: estimated until `firmUp` counts the variants a plan chose. The bundle is counted exactly at the end, so
 * estimates and small merges at part boundaries cannot break the budget.
 */
export function createBundlePricer(options: PricerOptions): RenderingPricer {
  const { style, tokenizer } = options;
  const rendered = new WeakMap<Plan, { text: string; tokens: number }>();
  const exactTokens = new WeakMap<Variant, number>();
  const wrapperTokens = new WeakMap<Variant, number>();
  const header = (plan: Plan, tokens: number): BundleHeader => ({
    rootName: options.rootName,
    tokenizer: tokenizer.name,
    budget: options.budget,
    tokens,
    fileCount: plan.entries.filter((entry) => entry.section !== 'diff').length + options.skipped.length,
    ...(options.changes === undefined ? {} : { changes: options.changes }),
    ...options.frame,
  });
  const treeOf = (plan: Plan) => ({
    entries: plan.entries
      .filter((entry) => entry.section !== 'diff')
      .map((entry) => ({ path: entry.path, level: entry.variant.level })),
    skipped: options.skipped,
    collapsed: plan.collapsed,
    ...(options.frame?.hideTree === true ? { hidden: true } : {}),
  });

  const render = (plan: Plan): { text: string; tokens: number } => {
    const cached = rendered.get(plan);
    if (cached) return cached;
    let stated = plan.entries.reduce((sum, entry) => sum + entry.tokens, 0);
    let text = '';
    let tokens = -1;
    for (let round = 0; round < MAX_HEADER_SETTLE_ROUNDS && tokens !== stated; round++) {
      if (tokens >= 0) stated = tokens;
      text = renderBundle({ style, header: header(plan, stated), plan, skipped: options.skipped });
      tokens = tokenizer.count(text);
    }
    const result = { text, tokens };
    rendered.set(plan, result);
    return result;
  };

  const countWrapper = (candidate: FitCandidate, variant: Exclude<Variant, { level: 'path' }>): number =>
    tokenizer.count(
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
      }),
    );

  return {
    sectionTokens(candidate: FitCandidate, variant: Variant): number {
      if (variant.level === 'path') return 0;
      const wrapper = wrapperTokens.get(variant) ?? countWrapper(candidate, variant);
      wrapperTokens.set(variant, wrapper);
      return wrapper + (exactTokens.get(variant) ?? variant.tokens);
    },
    firmUp(plan: Plan): boolean {
      let changed = false;
      for (const { variant } of plan.entries) {
        if (variant.level === 'path' || exactTokens.has(variant)) continue;
        const exact = tokenizer.count(variant.text);
        exactTokens.set(variant, exact);
        changed ||= exact !== variant.tokens;
      }
      return changed;
    },
    frameTokens(plan: Plan): number {
      const frame =
        renderPreamble(style, header(plan, options.budget)) + renderTree(style, treeOf(plan)) +
        renderClosing(style, options.frame?.instructions);
      return tokenizer.count(frame);
    },
    bundleTokens: (plan: Plan) => render(plan).tokens,
    render,
  };
}
