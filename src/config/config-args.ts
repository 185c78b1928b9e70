import type { ConfigValues } from './config-schema.js';

/** Config keys whose CLI option is spelt differently (kebab-case); the rest are the same word. */
const OPTION_NAMES: Readonly<Partial<Record<keyof ConfigValues, string>>> = {
  maxFileSize: 'max-file-size',
};

/**
 * Config values keyed by the CLI option they stand for, ready to be the parser's defaults: a flag given on the
 * command line wins, a config value wins over the built-in default. `overrides` has no flag and is left out.
 */
export function configAsOptionDefaults(values: ConfigValues): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (key === 'overrides' || value === undefined) continue;
    result[OPTION_NAMES[key as keyof ConfigValues] ?? key] = typeof value === 'number' ? String(value) : value;
  }
  return result;
}
