import type { BundlePricer, FitCandidate } from './fit/index.js';
import {
  renderBundle,
  renderClosing,
  renderPreamble,
  renderSection,
  renderTree,
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
}

/** A `BundlePricer` that also renders the final bundle; exact counts are memoised per plan. */
export interface RenderingPricer extends BundlePricer {
  render(plan: Plan): { text: string; tokens: number };
}

/**
 * Wires render and the tokenizer for `fit`: a section is priced as its wrapper plus the variant's own tokens (the
 * bundle is counted exactly at the end, so small merges at part boundaries cannot break the budget).
 */
export function createBundlePricer(options: PricerOptions): RenderingPricer {
  const { style, tokenizer } = options;
  const rendered = new WeakMap<Plan, { text: string; tokens: number }>();
  const header = (plan: Plan, tokens: number): BundleHeader => ({
    rootName: options.rootName,
    tokenizer: tokenizer.name,
    budget: options.budget,
    tokens,
    fileCount: plan.entries.length + options.skipped.length,
  });
  const treeOf = (plan: Plan) => ({
    entries: plan.entries.map((entry) => ({ path: entry.path, level: entry.variant.level })),
    skipped: options.skipped,
    collapsed: plan.collapsed,
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

  return {
    sectionTokens(candidate: FitCandidate, variant: Variant): number {
      if (variant.level === 'path') return 0;
      const wrapper = renderSection(style, {
        path: candidate.path,
        language: candidate.language,
        score: candidate.score,
        reasons: candidate.reasons,
        variant: { ...variant, text: '' },
        tokens: 0,
        fullTokens: 0,
      });
      return tokenizer.count(wrapper) + variant.tokens;
    },
    frameTokens(plan: Plan): number {
      const frame =
        renderPreamble(style, header(plan, options.budget)) + renderTree(style, treeOf(plan)) + renderClosing(style);
      return tokenizer.count(frame);
    },
    bundleTokens: (plan: Plan) => render(plan).tokens,
    render,
  };
}
