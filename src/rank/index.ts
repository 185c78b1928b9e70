/**
 * rank: source files in → the same files with a score and the reasons for it, most important first. Pure.
 * This first version scores by role (README, manifests, entry points up; tests, examples, generated down) and depth.
 */
export { rankByRole as rankFiles, compareRanked } from './rank-by-role.js';
export { classifyRole, type FileRole } from './file-role.js';
