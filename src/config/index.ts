/**
 * config: raw user values (flags, later config files) in → validated settings. Throws `UsageError`/`ConfigError`
 * that quote the offending flag and value.
 */
export { parseBudget, parseByteSize, MIN_BUDGET_TOKENS, MAX_BUDGET_TOKENS } from './budget.js';
