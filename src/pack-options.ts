import type { FileSource } from './collect/index.js';
import type { FileOverride } from './config/index.js';
import type { SecretsMode } from './redact/index.js';
import type { BundleOrder } from './rank/index.js';
import type { Style } from './render/index.js';
import type { TokenizerName } from './shared/tokenizer.js';
import type { DiffMode } from './shared/types.js';

/** Options of `pack`; every field but `root` has a default. */
export interface PackOptions {
  /** Directory to pack. */
  readonly root: string;
  /** Token budget for the whole bundle. Default 128,000. */
  readonly budget?: number;
  readonly style?: Style;
  readonly tokenizer?: TokenizerName;
  readonly include?: readonly string[];
  readonly ignore?: readonly string[];
  /** Larger files are skipped unread. Default 1 MiB. */
  readonly maxFileBytes?: number;
  /** Show files with a skeleton at most at skeleton level (Repomix's `--compress` habit). */
  readonly compress?: boolean;
  /** Task text (issue, commit message, stack trace): files it matches rank first and get their full text. */
  readonly focus?: string;
  /** The task's own files (e.g. changed in a diff), POSIX paths relative to `root`; they rank first. */
  readonly seeds?: readonly string[];
  /** Order of files in the bundle; default `edges` with a focus or seeds, else `rank`. */
  readonly order?: BundleOrder;
  /** Show these changes as diff sections inside the budget; changed files rank first (issue 5). */
  readonly diff?: DiffMode;
  /** List the last N commits (hash, date, author, subject, files) after the header. */
  readonly logCount?: number;
  /**
   * Read file contents from the git index (staged) instead of the work tree, as `repopack snapshot` does. Default:
   * `index` with a `staged` diff (so the files match the next commit) unless `paths` is given, else the work tree.
   */
  readonly source?: FileSource;
  /**
   * Credentials found in file text: `redact` (default) replaces each with `[REDACTED:<rule>]` before anything else
   * sees the text, `drop` skips the file with reason `secret`, `off` leaves the text as read.
   */
  readonly secrets?: SecretsMode;
  /**
   * A model preset (`qwen3-coder`, `gpt-4o`, `claude`…; see `MODEL_PRESETS`): sets the tokenizer and, without
   * `budget`, the budget to the model's window minus `reserve`. An explicit `budget` or `tokenizer` wins.
   */
  readonly model?: string;
  /** Tokens kept free for the question and answer with `model`. Default 16,000 (at most a quarter of the window). */
  readonly reserve?: number;
  /** Per-glob level caps, exclusions and priority multipliers (config `overrides`). */
  readonly overrides?: readonly FileOverride[];
  /** `false` packs without the cross-run cache (nothing read or written). Default true. */
  readonly cache?: boolean;
  /** Where the cache lives; default the user cache directory (`$XDG_CACHE_HOME/repopack`, `~/.cache/repopack`…). */
  readonly cacheDirectory?: string;
  /** Shown in the header after the legend (`--header-text`). */
  readonly headerText?: string;
  /** Placed at the very end of the bundle, inside the budget (`--instructions FILE`'s text). */
  readonly instructions?: string;
  /** Prefix the lines of `full` and `head` files with their line numbers (`--line-numbers`). */
  readonly lineNumbers?: boolean;
  /** `false` leaves the directory tree out of the bundle (`--no-tree`). Default true. */
  readonly tree?: boolean;
  /**
   * Spread the pack over at most this many parts, each within `budget` and well-formed on its own (`--split N`);
   * `result.parts` holds them and `result.bundle` is their concatenation.
   */
  readonly split?: number;
  /** Pack exactly these POSIX paths relative to `root` instead of listing the tree (`--stdin`); missing ones are skipped. */
  readonly paths?: readonly string[];
  /**
   * Several directories packed into one bundle under one budget (two or more; `root` is then only where the CLI looks
   * for a config). Paths carry each root's label, its path relative to the roots' common parent (`api/src/x.ts`);
   * git history is read per root. Not with `diff`, `logCount`, `paths` or `source: 'index'` (a `UsageError`).
   */
  readonly roots?: readonly string[];
  /**
   * Parse every pool file before fitting, instead of only the files a plan shows below full (the default). Nearly
   * always the same bundle (on 20 trial packs, 4 at 32k differed by a marginal choice: the fit is not monotone in
   * prices); kept so tests can compare the two.
   */
  readonly eagerSyntax?: boolean;
}

export const DEFAULT_BUDGET_TOKENS = 128_000;
export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

