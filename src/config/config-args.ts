import type { ConfigValues } from './config-schema.js';
import { CONFIG_SETTINGS, type Setting } from './config-settings.js';

/**
 * Config values keyed by the CLI option they stand for, ready to be the parser's defaults: a flag given on the
 * command line wins, a config value wins over the built-in default. `overrides` has no flag and is left out;
 * `noTree: true` is `--no-tree`; counts and sizes go as strings, as the command line gives them.
 */
export function configAsOptionDefaults(values: ConfigValues): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (key === 'overrides' || value === undefined) continue;
    if (key === 'noTree') {
      if (values.tree === undefined) result.tree = value !== true;
      continue;
    }
    const setting = (CONFIG_SETTINGS as Readonly<Record<string, Setting>>)[key];
    const isText = setting?.kind.type === 'count' || setting?.kind.type === 'size';
    result[setting?.option ?? key] = isText && typeof value === 'number' ? String(value) : value;
  }
  return result;
}
