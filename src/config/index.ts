/**
 * config: raw user values (flags, config files, model names) in → validated settings. Throws `UsageError`/`ConfigError`
 * that quote the offending flag or JSON path and value.
 */
export { parseBudget, parseByteSize, MIN_BUDGET_TOKENS, MAX_BUDGET_TOKENS } from './budget.js';
export {
  MODEL_PRESETS,
  CLAUDE_SAFETY_FACTOR,
  CLAUDE_CAVEAT,
  DEFAULT_RESERVE_TOKENS,
  defaultModelBudget,
  defaultReserve,
  findModelPreset,
  parseReserve,
  resolveBudget,
  type BudgetSettings,
  type ModelPreset,
  type ResolvedBudget,
} from './model-presets.js';
export { OVERRIDE_LEVELS, validateConfig, type ConfigValues, type FileOverride, type OverrideLevel } from './config-schema.js';
export { CONFIG_FILE_NAME, PACKAGE_JSON_KEY, loadConfig, parseJson, type LoadedConfig } from './load-config.js';
export { configAsOptionDefaults } from './config-args.js';
export { CONFIG_SETTINGS, MAX_SPLIT_PARTS, type Setting, type SettingKind, type SettingName } from './config-settings.js';
