/**
 * The shape of `repopack.config.json` (and of the `repopack` key in package.json), checked by hand so every
 * message names the JSON path of the bad key and the type it expects. `schema/repopack.schema.json` describes the
 * same shape for editors; a test keeps the two in step.
 */
import { ConfigError } from '../shared/errors.js';
import { parseBudget, parseByteSize } from './budget.js';
import { CONFIG_SETTINGS, type Setting, type SettingKind } from './config-settings.js';
import { findModelPreset } from './model-presets.js';

/** Levels a per-glob override may name, richest first (the same names as the bundle's levels). */
export const OVERRIDE_LEVELS = ['full', 'stripped', 'skeleton', 'outline', 'head', 'path'] as const;
export type OverrideLevel = (typeof OVERRIDE_LEVELS)[number];

/** Per-glob settings; the first matching override of each kind wins. */
export interface FileOverride {
  /** Globs with the same syntax as `--include`. */
  readonly files: readonly string[];
  /** `full`: always in full (unless it alone exceeds the budget); any other level: never richer than it. */
  readonly level?: OverrideLevel;
  /** Leave matching files out entirely. */
  readonly exclude?: boolean;
  /** Multiplies the rank score (> 0): 2 doubles a file's claim on the budget, 0.5 halves it. */
  readonly priority?: number;
}

/** Settings a config file may hold; names are the CLI's long options in camelCase (see `CONFIG_SETTINGS`). */
export interface ConfigValues {
  readonly budget?: string | number;
  readonly model?: string;
  readonly reserve?: string | number;
  readonly tokenizer?: string;
  readonly style?: string;
  readonly include?: readonly string[];
  readonly ignore?: readonly string[];
  readonly maxFileSize?: string | number;
  /** Paths (`output`, `instructions`, `json`, `cacheDir`) are relative to the config file. */
  readonly output?: string;
  readonly compress?: boolean;
  readonly order?: string;
  readonly secrets?: string;
  readonly headerText?: string;
  readonly instructions?: string;
  readonly lineNumbers?: boolean;
  readonly tree?: boolean;
  readonly noTree?: boolean;
  readonly split?: number;
  readonly copy?: boolean;
  /** A report file, or `-` for stderr. */
  readonly json?: string;
  readonly quiet?: boolean;
  readonly progress?: boolean;
  readonly cache?: boolean;
  readonly cacheDir?: string;
  readonly overrides?: readonly FileOverride[];
}

/** Keys every config may carry that mean nothing to repopack: the editor's schema link and `//` comments. */
const isIgnoredKey = (key: string) => key === '$schema' || key.startsWith('//');

/** What a value of each kind must be, for messages; undefined when it is. */
function mismatch(value: unknown, kind: SettingKind): string | undefined {
  switch (kind.type) {
    case 'string':
      return typeof value === 'string' ? undefined : 'a string';
    case 'path':
      return typeof value === 'string' && value !== '' ? undefined : 'a non-empty path (relative to the config file)';
    case 'count':
      return checkParsed(value, (text) => parseBudget(text), 'a token count: a number or a string such as "128k"');
    case 'size':
      return checkParsed(value, (text) => parseByteSize(text, 'size'), 'a size: a number of bytes or a string such as "1mb"');
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'true or false';
    case 'string[]':
      return Array.isArray(value) && value.every((item) => typeof item === 'string') ? undefined : 'an array of strings';
    case 'choice':
      return kind.choices.includes(value as string) ? undefined : `one of ${kind.choices.map((name) => `"${name}"`).join(', ')}`;
    case 'integer':
      return Number.isInteger(value) && (value as number) >= kind.min && (value as number) <= kind.max ? undefined : `a whole number from ${kind.min} to ${kind.max}`;
  }
}

/** A count or size written as a number or a string the CLI's own parser accepts. */
function checkParsed(value: unknown, parse: (text: string | number) => number, expected: string): string | undefined {
  if (typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) return expected;
  try {
    parse(value);
    return undefined;
  } catch {
    return expected;
  }
}

function fail(source: string, path: string, message: string): never {
  throw new ConfigError(`${source}: ${path} ${message}`, 'see schema/repopack.schema.json in the repopack package, or run repopack init');
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `the string ${JSON.stringify(value)}` : `${typeof value} ${JSON.stringify(value)}`;
}

/**
 * Check a parsed config object. `source` names the file (and key) in messages.
 * @throws ConfigError naming the JSON path (`$.overrides[1].level`), the expected type and the value found.
 */
export function validateConfig(raw: unknown, source: string): ConfigValues {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail(source, '$', `must be an object, found ${describe(raw)}`);
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (isIgnoredKey(key)) continue;
    if (key === 'overrides') {
      result.overrides = validateOverrides(value, source);
      continue;
    }
    const setting = (CONFIG_SETTINGS as Readonly<Record<string, Setting>>)[key];
    if (setting === undefined) {
      fail(source, `$.${key}`, `is not a known setting; known: ${[...Object.keys(CONFIG_SETTINGS), 'overrides'].join(', ')}`);
    }
    const expected = mismatch(value, setting.kind);
    if (expected !== undefined) fail(source, `$.${key}`, `must be ${expected}, found ${describe(value)}`);
    result[key] = value;
  }
  if (typeof result.model === 'string') checkModel(result.model, source);
  return result as ConfigValues;
}

function validateOverrides(value: unknown, source: string): FileOverride[] {
  if (!Array.isArray(value)) fail(source, '$.overrides', `must be an array of objects, found ${describe(value)}`);
  return value.map((item: unknown, index) => validateOverride(item, source, `$.overrides[${index}]`));
}

function validateOverride(item: unknown, source: string, at: string): FileOverride {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) fail(source, at, `must be an object, found ${describe(item)}`);
  const entry = item as Record<string, unknown>;
  for (const key of Object.keys(entry)) {
    if (!['files', 'level', 'exclude', 'priority'].includes(key) && !isIgnoredKey(key)) {
      fail(source, `${at}.${key}`, 'is not a known override setting; known: files, level, exclude, priority');
    }
  }
  const files = typeof entry.files === 'string' ? [entry.files] : entry.files;
  if (mismatch(files, { type: 'string[]' }) !== undefined || (files as unknown[]).length === 0) {
    fail(source, `${at}.files`, `must be a glob or a non-empty array of globs, found ${describe(entry.files)}`);
  }
  const { level, exclude, priority } = entry;
  if (level !== undefined && !(OVERRIDE_LEVELS as readonly unknown[]).includes(level)) {
    fail(source, `${at}.level`, `must be one of ${OVERRIDE_LEVELS.map((name) => `"${name}"`).join(', ')}, found ${describe(level)}`);
  }
  if (exclude !== undefined && typeof exclude !== 'boolean') fail(source, `${at}.exclude`, `must be true or false, found ${describe(exclude)}`);
  if (priority !== undefined && !(typeof priority === 'number' && priority > 0 && Number.isFinite(priority))) {
    fail(source, `${at}.priority`, `must be a number greater than 0, found ${describe(priority)}`);
  }
  return {
    files: files as string[],
    ...(level !== undefined ? { level: level as OverrideLevel } : {}),
    ...(exclude !== undefined ? { exclude } : {}),
    ...(priority !== undefined ? { priority } : {}),
  };
}

/** An unknown model is named by its JSON path, with the known ones, like any other bad value. */
function checkModel(model: string, source: string): void {
  try {
    findModelPreset(model);
  } catch (error) {
    fail(source, '$.model', `must be a known model, found ${describe(model)}; ${(error as { hint?: string }).hint ?? ''}`);
  }
}
