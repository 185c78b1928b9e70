/**
 * The one orchestrator: collect (+ git, secrets) → rank → analyze → represent → fit → render. Each step is a stage
 * call; the edges (files, git, tokenizer, grammars, cache) come in through `env`.
 */
import { basename } from 'node:path';
import { labelRoots, type ListedTree, rootsName } from './collect/index.js';
import { createTreeCollapseMemo, fitToBudget, fitToBudgetSteps, type BundlePricer, type FitCandidate } from './fit/index.js';
import { buildCandidates, rankInputs } from './pack-candidates.js';
import { bundleChanges } from './pack-diff.js';
import { defaultEnv, type PackEnv } from './pack-env.js';
import { gatherInputs, type PackInputs } from './pack-inputs.js';
import { fitWithLazySyntax } from './pack-lazy-syntax.js';
import { checkedCandidates } from './pack-shown-checks.js';
import type { PackOptions } from './pack-options.js';
import { createBundlePricer, createPricerMemo, type BundleFrameOptions, type PricerOptions } from './pack-pricer.js';
import { lookUpResult } from './pack-result-cache.js';
import { packInParts } from './pack-split.js';
import type { PackResult, Plan, Report } from './shared/types.js';
import { memoisedCount } from './tokenize/index.js';

export { DEFAULT_BUDGET_TOKENS, DEFAULT_MAX_FILE_BYTES, type PackOptions } from './pack-options.js';

/**
 * Released texts worth a full collection (~0.1–0.3 s): below this many path-only files the dead text is small and
 * V8's own timing is fine.
 */
const COLLECT_GARBAGE_AFTER_RELEASED_FILES = 5_000;

/**
 * Pack a directory into one bundle whose token count, with the chosen tokenizer, is at most the budget.
 * Never prints or exits; per-file trouble is in `report.skipped`, run-wide remarks in `report.warnings`.
 */
export async function pack(options: PackOptions, env: PackEnv = defaultEnv()): Promise<PackResult> {
  const earlier = await lookUpResult(options, env);
  if (earlier.result !== undefined) return earlier.result;
  const result = await packAfresh(options, env, earlier.listed);
  const warning = earlier.store(result);
  return warning === undefined ? result : { ...result, report: { ...result.report, warnings: [...result.report.warnings, warning] } };
}

async function packAfresh(options: PackOptions, env: PackEnv, listed: ListedTree | undefined): Promise<PackResult> {
  const ranked = rankInputs(await gatherInputs(options, env, listed), options);
  if (ranked.pathOnly.size >= COLLECT_GARBAGE_AFTER_RELEASED_FILES) await env.collectGarbage?.();
  const { candidates, diffCount, inputs, pendingSyntax, syntaxChecker } = await buildCandidates(ranked, options, env);
  env.onProgress?.({ phase: 'fit' });
  const pricerOptions = pricerOptionsFor(inputs, options, diffCount);
  const listedOnly = inputs.collection.skipped.map((skipped) => skipped.path);
  if (options.split !== undefined && options.split > 1) {
    // Parts are fitted together, with no refit: every unverified representation is checked first.
    const checked = await checkedCandidates(candidates, syntaxChecker);
    const split = packInParts({ candidates: checked, listedOnly, count: options.split, options: pricerOptions });
    const tokens = split.parts.reduce((sum, part) => sum + part.tokens, 0);
    const report = await finishReport(inputs, split.plan, tokens);
    return { bundle: split.parts.map((part) => part.bundle).join(''), parts: split.parts, report };
  }
  // A written task names what the reader needs whole; a diff alone is served by its own diff levels instead.
  const taskFirst = (options.focus ?? '').trim() !== '';
  // Every fit below prices the same frame (pricers made alike by createPricer), so they may share the tree collapse.
  const treeMemo = createTreeCollapseMemo();
  const fit = (shown: readonly FitCandidate[], fitPricer: BundlePricer) =>
    fitToBudget({ candidates: shown, listedOnly, budget: inputs.budget, pricer: fitPricer, taskFirst, treeMemo });
  const fitSteps = (shown: readonly FitCandidate[], fitPricer: BundlePricer) =>
    fitToBudgetSteps({ candidates: shown, listedOnly, budget: inputs.budget, pricer: fitPricer, taskFirst, treeMemo });
  const countText = memoisedCount((text) => inputs.tokenizer.count(text));
  const pricerMemo = createPricerMemo();
  const createPricer = () => createBundlePricer({ ...pricerOptions, countText, memo: pricerMemo });
  // Files are parsed only when a plan would show them at a parsed level (`pendingSyntax`, see pack-lazy-syntax.ts).
  const syntax = { ...(pendingSyntax ? { pendingSyntax } : {}), ...(syntaxChecker ? { syntaxChecker } : {}) };
  const { plan, pricer } = await fitWithLazySyntax({ candidates, createPricer, fit, fitSteps, ...syntax });
  env.onProgress?.({ phase: 'render' });
  const { text, tokens } = pricer.render(plan);
  return { bundle: text, report: await finishReport(inputs, plan, tokens) };
}

function pricerOptionsFor(inputs: PackInputs, options: PackOptions, diffCount: number): PricerOptions {
  return {
    style: options.style ?? 'xml',
    tokenizer: inputs.tokenizer,
    rootName: options.roots !== undefined && options.roots.length > 1 ? rootsName(labelRoots(options.roots)) : basename(inputs.root),
    skipped: inputs.collection.skipped,
    budget: inputs.budget,
    ...(inputs.changeSet === undefined ? {} : { changes: bundleChanges(inputs.changeSet, diffCount) }),
    frame: frameOptions(options),
  };
}

/** The user's additions to every bundle's frame; empty strings count as absent. */
function frameOptions(options: PackOptions): BundleFrameOptions {
  return {
    ...(options.headerText ? { headerText: options.headerText } : {}),
    ...(options.instructions ? { instructions: options.instructions } : {}),
    ...(options.tree === false ? { hideTree: true } : {}),
  };
}

/** Write back the cache (its trouble becomes warnings) and assemble the report. */
async function finishReport(inputs: PackInputs, plan: Plan, tokens: number): Promise<Report> {
  if (inputs.cache) inputs.warnings.push(...(await inputs.cache.flush()));
  return {
    tokenizer: inputs.tokenizer.name,
    budget: inputs.budget,
    tokens,
    plan,
    skipped: inputs.collection.skipped,
    warnings: inputs.warnings,
    redactions: inputs.redactions,
  };
}
