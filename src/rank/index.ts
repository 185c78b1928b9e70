/**
 * rank: source files (+ optional task text, seed files and git history) in → the same files with a score and the
 * reasons for it, most important first. Pure. Signals are independent modules: role and depth (`rank-by-role`),
 * focus (BM25 and mentions), import graph (PageRank), git activity and co-change; `rank-files` combines them.
 */
export { rankFiles, type RankSignals } from './rank-files.js';
export { rankByRole, compareRanked } from './rank-by-role.js';
export { classifyRole, type FileRole } from './file-role.js';
export { orderForBundle, BUNDLE_ORDERS, type BundleOrder } from './bundle-order.js';
export { buildImportGraph, type ImportGraph } from './import-graph.js';
export { termsOf, pathTerms, splitIdentifier } from './text-terms.js';
export { scoreBm25, type TermCounts } from './bm25.js';
