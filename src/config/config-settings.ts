/**
 * The settings a config file may hold, one row per key: its kind (what `validateConfig` checks), the CLI option it
 * stands for, and whether its value is a path (resolved against the config file's directory). The names are the
 * CLI's long options in camelCase; options that only make sense for one run (`--focus`, `--diff`, `--stdin`,
 * `--tokens-only`, `--explain`, `--verbose`) have no row.
 */
// Each constant from its own module: a stage's index loads the whole stage (rank's loads tree-sitter) at startup.
import { BUNDLE_ORDERS } from '../rank/bundle-order.js';
import { SECRETS_MODES } from '../redact/screen-files.js';
import { STYLES } from '../render/render-types.js';
import { TOKENIZER_NAMES } from '../tokenize/index.js';

/** Most parts `--split` accepts: more is almost surely a typo for a budget. */
export const MAX_SPLIT_PARTS = 100;

/** How a value is checked: `count` is a token count (`"128k"` or a number), `size` a byte size (`"1mb"`). */
export type SettingKind =
  | { readonly type: 'string' }
  | { readonly type: 'path' }
  | { readonly type: 'count' }
  | { readonly type: 'size' }
  | { readonly type: 'boolean' }
  | { readonly type: 'string[]' }
  | { readonly type: 'choice'; readonly choices: readonly string[] }
  | { readonly type: 'integer'; readonly min: number; readonly max: number };

/** One config key. */
export interface Setting {
  readonly kind: SettingKind;
  /** The CLI option it stands for (kebab-case); the key itself when absent. */
  readonly option?: string;
}

const STRING = { type: 'string' } as const;
const PATH = { type: 'path' } as const;
const COUNT = { type: 'count' } as const;
const BOOLEAN = { type: 'boolean' } as const;
const GLOBS = { type: 'string[]' } as const;

/** Every key but `overrides` (checked on its own), in the order `repopack init` and the schema list them. */
export const CONFIG_SETTINGS = {
  model: { kind: STRING },
  budget: { kind: COUNT },
  reserve: { kind: COUNT },
  tokenizer: { kind: { type: 'choice', choices: TOKENIZER_NAMES } },
  style: { kind: { type: 'choice', choices: STYLES } },
  output: { kind: PATH },
  include: { kind: GLOBS },
  ignore: { kind: GLOBS },
  maxFileSize: { kind: { type: 'size' }, option: 'max-file-size' },
  compress: { kind: BOOLEAN },
  order: { kind: { type: 'choice', choices: BUNDLE_ORDERS } },
  secrets: { kind: { type: 'choice', choices: SECRETS_MODES } },
  headerText: { kind: STRING, option: 'header-text' },
  instructions: { kind: PATH },
  lineNumbers: { kind: BOOLEAN, option: 'line-numbers' },
  tree: { kind: BOOLEAN },
  /** The spelling of `--no-tree`: `noTree: true` is `tree: false`. */
  noTree: { kind: BOOLEAN },
  split: { kind: { type: 'integer', min: 1, max: MAX_SPLIT_PARTS } },
  copy: { kind: BOOLEAN },
  json: { kind: PATH },
  quiet: { kind: BOOLEAN },
  progress: { kind: BOOLEAN },
  cache: { kind: BOOLEAN },
  cacheDir: { kind: PATH, option: 'cache-dir' },
} as const satisfies Readonly<Record<string, Setting>>;

export type SettingName = keyof typeof CONFIG_SETTINGS;
