/** Records passed between pipeline stages. Every field is readonly: stages build new records, never mutate. */

/** Broad role of a file's content; drives default ranking and which representations apply. */
export type FileKind = 'code' | 'doc' | 'config' | 'data';

/** How the bytes on disk were decoded into `text`. */
export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be' | 'latin1';

/** A readable text file found under the root, decoded once. */
export interface SourceFile {
  /** POSIX path relative to the pack root, e.g. `src/index.ts`. */
  readonly path: string;
  /** Size on disk in bytes. */
  readonly bytes: number;
  readonly kind: FileKind;
  /** Language id (`typescript`, `python`, `markdown`, …) or undefined when unknown. */
  readonly language: string | undefined;
  readonly encoding: TextEncoding;
  /** Decoded content with `\r\n` kept as found. */
  readonly text: string;
}

/** Why a file found under the root is not in the bundle's content (it still appears in the tree). */
export type SkipReason =
  | 'binary'
  | 'too-large'
  | 'invalid-utf8'
  | 'unreadable'
  | 'symlink-loop'
  | 'symlink-outside-root'
  | 'not-a-regular-file'
  | 'vanished'
  /** A suspected credential was found and `--secrets drop` was asked for. */
  | 'secret';

/** A per-file problem: reported, never fatal. */
export interface SkippedFile {
  readonly path: string;
  readonly reason: SkipReason;
  /** Extra context for the user, e.g. `2.3 MB > --max-file-size 1 MB`. */
  readonly detail?: string;
}

/** The output of `collect`: what will be considered, and what was set aside with reasons. */
export interface Collection {
  readonly files: readonly SourceFile[];
  readonly skipped: readonly SkippedFile[];
  /** Non-fatal, run-wide remarks (e.g. "not a git repository: walked the file system"). */
  readonly warnings: readonly string[];
}

/**
 * Representation levels, richest first. `path` means the file is only listed in the tree.
 * `skeleton` and `outline` come from tree-sitter; `head` is the first lines of text without a grammar.
 */
export type Level = 'full' | 'stripped' | 'skeleton' | 'outline' | 'head' | 'path';

/** Levels in order from richest to cheapest; index = rank of richness. */
export const LEVELS: readonly Level[] = ['full', 'stripped', 'skeleton', 'outline', 'head', 'path'];

/**
 * One way of showing a file. `tokens` counts `text` alone (0 for `path`); it may be an estimate while variants are
 * being weighed: what enters the bundle is counted exactly by `fit`'s pricer.
 */
export type Variant =
  | {
      readonly level: Exclude<Level, 'path'>;
      readonly text: string;
      readonly tokens: number;
      /** Short human note shown with the file, e.g. `first 40 of 812 lines`. */
      readonly note?: string;
    }
  | { readonly level: 'path'; readonly tokens: 0 };

/** A file with its importance. Higher `score` = more important; `reasons` feed `--explain`. */
export interface RankedFile {
  readonly file: SourceFile;
  readonly score: number;
  readonly reasons: readonly string[];
  /** True for the task's own files (named by `--focus` or changed in the diff); bundle order may put them last. */
  readonly task?: boolean;
}

/** How `fit` chose to show one file. */
export interface PlanEntry {
  readonly path: string;
  /** Language id for fences and grammars, from `SourceFile.language`. */
  readonly language: string | undefined;
  readonly score: number;
  readonly reasons: readonly string[];
  readonly variant: Variant;
  /** Tokens of this file's rendered section (wrapper included); 0 for `path`. */
  readonly tokens: number;
  /** Tokens the richest variant would have needed, for `--explain` ("812 → 120"). */
  readonly fullTokens: number;
}

/** A directory the tree shows as one line because the full tree did not fit. */
export interface CollapsedDirectory {
  /** POSIX directory path relative to the root, `''` for the root itself. */
  readonly path: string;
  /** Number of files below it, at any depth. */
  readonly fileCount: number;
}

/** The decision of `fit`: one entry per collected file, in bundle order. */
export interface Plan {
  readonly entries: readonly PlanEntry[];
  readonly collapsed: readonly CollapsedDirectory[];
  readonly budget: number;
}

/** What the pack did, for the summary, `--explain` and `--json`. */
export interface Report {
  readonly tokenizer: string;
  readonly budget: number;
  /** Exact token count of the whole bundle. */
  readonly tokens: number;
  readonly plan: Plan;
  readonly skipped: readonly SkippedFile[];
  readonly warnings: readonly string[];
  /** Every secret redacted (or, with `--secrets drop`, every secret that got its file dropped), by path then line. */
  readonly redactions?: readonly SecretRedaction[];
}

/** One secret found in a collected file. */
export interface SecretRedaction {
  readonly path: string;
  /** Rule id, as in the marker `[REDACTED:<rule>]`. */
  readonly rule: string;
  /** 1-based line of the file as read from disk. */
  readonly line: number;
}

/** Result of `pack()`. */
export interface PackResult {
  readonly bundle: string;
  readonly report: Report;
}

/** One commit of the recent history, as the ranking sees it: when, and which files (POSIX, relative to the root). */
export interface GitCommit {
  /** Committer time, seconds since the Unix epoch. */
  readonly epochSeconds: number;
  readonly paths: readonly string[];
}
