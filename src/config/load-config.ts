/**
 * Finding and reading the config (edge: file system). Looked up in the packed root only — not in parent
 * directories — so the settings that shape a bundle are the ones checked in beside the code.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from '../shared/errors.js';
import { validateConfig, type ConfigValues } from './config-schema.js';
import { jsonErrorOffset } from './json-error-position.js';

export const CONFIG_FILE_NAME = 'repopack.config.json';
/** The key of package.json that may hold the same settings. */
export const PACKAGE_JSON_KEY = 'repopack';

export interface LoadedConfig {
  readonly values: ConfigValues;
  /** Where the values came from, for messages: `repopack.config.json` or `package.json#repopack`. */
  readonly source: string;
  /** Directory that relative paths in the config (`instructions`, `output`) are resolved against. */
  readonly directory: string;
}

/**
 * Read `file` when given (it must exist), else `repopack.config.json` in `root`, else the `repopack` key of
 * `root/package.json`. Resolves to undefined when there is no config.
 * @throws ConfigError for a missing `--config` file, text that is not JSON (with line and column) or bad values.
 */
export async function loadConfig(options: { root: string; file?: string }): Promise<LoadedConfig | undefined> {
  if (options.file !== undefined) {
    const path = resolve(options.file);
    const text = await readText(path);
    if (text === undefined) throw new ConfigError(`--config ${JSON.stringify(options.file)}: no such file`, 'check the path, or run repopack init to write one');
    return { values: validateConfig(parseJson(text, options.file), options.file), source: options.file, directory: dirname(path) };
  }
  const root = resolve(options.root);
  const text = await readText(join(root, CONFIG_FILE_NAME));
  if (text !== undefined) {
    return { values: validateConfig(parseJson(text, CONFIG_FILE_NAME), CONFIG_FILE_NAME), source: CONFIG_FILE_NAME, directory: root };
  }
  const manifest = await readText(join(root, 'package.json'));
  if (manifest === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(manifest);
  } catch {
    return undefined; // A broken package.json is not ours to report; collect packs it as it is.
  }
  const section = (parsed as Record<string, unknown> | null)?.[PACKAGE_JSON_KEY];
  if (section === undefined) return undefined;
  const source = `package.json#${PACKAGE_JSON_KEY}`;
  return { values: validateConfig(section, source), source, directory: root };
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new ConfigError(`${path}: cannot read (${code ?? (error as Error).message})`);
  }
}

/** JSON.parse with the failure position turned into line and column (1-based). A leading BOM is allowed. */
export function parseJson(text: string, source: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch {
    const scanned = jsonErrorOffset(body);
    const offset = scanned === -1 ? body.length : scanned;
    const before = body.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    const found = offset < body.length ? `unexpected ${JSON.stringify(String.fromCodePoint(body.codePointAt(offset)!))}` : 'unexpected end';
    throw new ConfigError(
      `${source}:${line}:${column}: not valid JSON (${found})`,
      'config files are plain JSON: no comments (use "//" keys) and no trailing commas',
    );
  }
}
