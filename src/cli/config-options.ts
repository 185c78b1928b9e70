/**
 * The command line merged with the config file: parse once to learn the root and `--config`, read the config, and
 * parse again with its values as defaults, so CLI > config > built-in defaults, option by option.
 */
import { isAbsolute, resolve } from 'node:path';
import { CONFIG_SETTINGS, configAsOptionDefaults, loadConfig, type ConfigValues, type LoadedConfig } from '../config/index.js';
import { parseArgs, type CliOptions } from './args.js';

export interface CliSettings {
  readonly options: CliOptions;
  /** The config that was read, if any. */
  readonly config: LoadedConfig | undefined;
}

/** Parse argv with the config of the packed root (or `--config`). Undefined when yargs answered `--help`/`--version`. */
export async function parseWithConfig(argv: readonly string[], version: string): Promise<CliSettings | undefined> {
  const first = await parseArgs(argv, version);
  if (first === undefined) return undefined;
  const config = await loadConfig({ root: first.root, ...(first.config === undefined ? {} : { file: first.config }) });
  if (config === undefined) return { options: first, config };
  const defaults = configAsOptionDefaults(resolveConfigPaths(config.values, config.directory));
  // `--tokens-only` prints counts, not a bundle: a config's bundle delivery (clipboard, parts) does not apply to it,
  // while the same flags given with it on the command line are still refused.
  if (first.tokensOnly) for (const key of ['copy', 'split']) delete defaults[key];
  const options = await parseArgs(argv, version, defaults);
  return options === undefined ? undefined : { options, config };
}

/** Paths in a config are relative to the file that holds them, not to the shell's directory. */
function resolveConfigPaths(values: ConfigValues, directory: string): ConfigValues {
  const resolved: Record<string, unknown> = { ...values };
  for (const [key, setting] of Object.entries(CONFIG_SETTINGS)) {
    const path = resolved[key];
    // `json: "-"` means stderr, not a file.
    if (setting.kind.type !== 'path' || typeof path !== 'string' || isAbsolute(path) || (key === 'json' && path === '-')) continue;
    resolved[key] = resolve(directory, path);
  }
  return resolved as ConfigValues;
}

