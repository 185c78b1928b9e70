/**
 * `--split N`: one pack spread over at most N bundles ("parts"), each within the budget and each well-formed on its
 * own: its own header (`This is part 2 of 3.`), the first part with the tree (and the changes block), the last with
 * the instructions. A file's section is never cut: a variant larger than what one part can hold is not offered, so
 * such a file gets a cheaper level instead.
 */
import { fitToBudget, type FitCandidate } from './fit/index.js';
import { createBundlePricer, type PricerOptions } from './pack-pricer.js';
import {
  renderClosing,
  renderPreamble,
  renderSection,
  renderTree,
  treeFrom,
  type BundleHeader,
} from './render/index.js';
import type { Plan, PlanEntry } from './shared/types.js';

/** One part of a split bundle with its exact token count. */
export interface BundlePart {
  readonly bundle: string;
  readonly tokens: number;
}

/** A split pack: the plan over all parts and the rendered parts. */
export interface SplitPack {
  readonly plan: Plan;
  readonly parts: readonly BundlePart[];
}

/** Re-fits with a smaller total when the sections did not go into N parts; each round shrinks the total. */
const MAX_SPLIT_ROUNDS = 6;
/** Share of the overflow (or of the total) taken off per round, so the loop converges in few rounds. */
const SHRINK_SHARE = 0.05;
/** Settling rounds for each part's stated token count (the digits can change the count). */
const MAX_SETTLE_ROUNDS = 4;

/** Renders part `index` (1-based) of `count` holding `sections`. */
function renderPart(options: PricerOptions, plan: Plan, sections: readonly PlanEntry[], index: number, count: number): BundlePart {
  const { style, tokenizer } = options;
  const isFirst = index === 1;
  const tree = treeFrom(plan, options.skipped);
  const treeText = renderTree(style, isFirst && options.frame?.hideTree !== true ? tree : { ...tree, hidden: true });
  const body = treeText + sections.map((entry) => renderSection(style, entry)).join('');
  const closing = renderClosing(style, index === count ? options.frame?.instructions : undefined);
  const header = (tokens: number): BundleHeader => ({
    rootName: options.rootName,
    tokenizer: tokenizer.name,
    budget: options.budget,
    tokens,
    fileCount: plan.entries.filter((entry) => entry.section !== 'diff').length + options.skipped.length,
    part: { index, count },
    ...(isFirst && options.changes !== undefined ? { changes: options.changes } : {}),
    ...(options.frame?.headerText === undefined ? {} : { headerText: options.frame.headerText }),
  });
  let stated = sections.reduce((sum, entry) => sum + entry.tokens, 0);
  let bundle = '';
  let tokens = -1;
  for (let round = 0; round < MAX_SETTLE_ROUNDS && tokens !== stated; round++) {
    if (tokens >= 0) stated = tokens;
    bundle = renderPreamble(style, header(stated)) + body + closing;
    tokens = tokenizer.count(bundle);
  }
  return { bundle, tokens };
}

/** Sections in order into parts by their priced tokens: a part closes when the next section would not fit. */
function assignSections(plan: Plan, capacity: { first: number; other: number }): PlanEntry[][] {
  const groups: PlanEntry[][] = [[]];
  let room = capacity.first;
  for (const entry of plan.entries) {
    if (entry.variant.level === 'path') continue;
    if (entry.tokens > room && groups.at(-1)!.length > 0) {
      groups.push([]);
      room = capacity.other;
    }
    groups.at(-1)!.push(entry);
    room -= entry.tokens;
  }
  return groups;
}

/**
 * Renders the groups exactly; a part over the budget hands its last section to the next part, until every part
 * fits or a part with one section is still over (undefined: the caller must fit less).
 */
function renderGroups(options: PricerOptions, plan: Plan, groups: PlanEntry[][]): BundlePart[] | undefined {
  for (let moves = 0; moves <= plan.entries.length; moves++) {
    const parts = groups.map((sections, index) => renderPart(options, plan, sections, index + 1, groups.length));
    const over = parts.findIndex((part) => part.tokens > options.budget);
    if (over === -1) return parts;
    if (groups[over]!.length <= 1) return undefined;
    if (over === groups.length - 1) groups.push([]);
    groups[over + 1]!.unshift(groups[over]!.pop()!);
  }
  return undefined;
}

/** Tokens of a part holding no section: the first part (with the plan's tree) or a later one (without). */
function frameTokens(options: PricerOptions, plan: Plan, isFirst: boolean, count: number): number {
  return renderPart(options, plan, [], isFirst ? 1 : count, count).tokens;
}

/** Only the variants whose section fits in one part without a tree (plus `path`), so no file must be cut. */
function capToPart(candidates: readonly FitCandidate[], room: number, sectionTokens: (candidate: FitCandidate, variant: FitCandidate['variants'][number]) => number): FitCandidate[] {
  return candidates.map((candidate) => ({
    ...candidate,
    variants: candidate.variants.filter((variant) => variant.level === 'path' || sectionTokens(candidate, variant) <= room),
  }));
}

/**
 * Fits `candidates` into at most `count` parts of `options.budget` tokens each and renders them. The first fit gets
 * `count` budgets minus the frames of the extra parts; when the sections do not go into `count` parts, the total
 * shrinks and the fit runs again.
 */
export function packInParts(input: {
  readonly candidates: readonly FitCandidate[];
  readonly listedOnly: readonly string[];
  readonly count: number;
  readonly options: PricerOptions;
}): SplitPack {
  const { options, count } = input;
  const probe = createBundlePricer(options);
  const bare: Plan = { entries: [], collapsed: [], budget: options.budget };
  // A later part without instructions: the instructions may sit alone in the last part if need be.
  const otherFrame = renderPart({ ...options, frame: { ...options.frame, instructions: '' } }, bare, [], 2, count).tokens;
  const candidates = capToPart(input.candidates, options.budget - otherFrame, probe.sectionTokens);
  let total = count * options.budget - (count - 1) * otherFrame;
  let last: SplitPack | undefined;
  for (let round = 0; round < MAX_SPLIT_ROUNDS; round++) {
    const pricer = createBundlePricer({ ...options, budget: total });
    const plan = fitToBudget({ candidates, listedOnly: input.listedOnly, budget: total, pricer });
    const firstFrame = frameTokens(options, plan, true, count);
    const groups = assignSections(plan, { first: options.budget - firstFrame, other: options.budget - otherFrame });
    const parts = renderGroups(options, plan, groups);
    if (parts !== undefined) last = { plan, parts };
    if (parts !== undefined && parts.length <= count) return last!;
    // Take off what spilled over into the extra parts (their sections), at least SHRINK_SHARE of the total.
    const spilled = parts === undefined ? 0 : parts.slice(count).reduce((sum, part) => sum + part.tokens - otherFrame, 0);
    total = Math.floor(total - Math.max(spilled, total * SHRINK_SHARE));
  }
  if (last !== undefined && last.parts.length <= count) return last;
  // Never more than `count` parts: fall back to one ordinary bundle, which fits by construction.
  const pricer = createBundlePricer(options);
  const plan = fitToBudget({ candidates: input.candidates, listedOnly: input.listedOnly, budget: options.budget, pricer });
  return { plan, parts: [{ bundle: pricer.render(plan).text, tokens: pricer.render(plan).tokens }] };
}
