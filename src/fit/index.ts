/**
 * fit: ranked files with their priced variants + a budget in → a `Plan` (one variant per file, tree collapsing) whose
 * rendered bundle, counted exactly, fits the budget. Pure: rendering and counting come in through `BundlePricer`.
 */
export { fitToBudget, fitToBudgetSteps, type BundlePricer, type FitInput } from './fit-to-budget.js';
export { type FitCandidate } from './choose-levels.js';
export { createTreeCollapseMemo, type TreeCollapseMemo } from './tree-collapse-memo.js';
