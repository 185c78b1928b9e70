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
  /**
   * With several roots, the label of the root the file came from; `path` then starts with `<root>/`. Ranking judges
   * depth and "top level" within the root, so each root's README and manifests lead its part of the bundle.
   */
  readonly root?: string;
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
  | 'secret'
  /** Named in an explicit file list (`--stdin`) but not a file under the root. */
  | 'not-found';

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
      /** Set on the variants of a diff section (`PlanEntry.section === 'diff'`): how much of the diff `text` is. */
      readonly diffLevel?: DiffLevel;
      /**
       * A placeholder for a level only a parse can build: `text` is empty and `tokens` an optimistic estimate. Pack
       * parses the file when a plan chooses it, and never renders or counts it.
       */
      readonly pending?: true;
      /**
       * Built from a parse (`stripped`, `skeleton`) without re-parsing it: pack checks that it parses cleanly before a
       * plan that shows it is final, and drops the variant when it does not, so every one a returned plan shows passed.
       */
      readonly unverified?: true;
    }
  | { readonly level: 'path'; readonly tokens: 0 };

/** A file with its importance. Higher `score` = more important; `reasons` feed `--explain`. */
export interface RankedFile {
  readonly file: SourceFile;
  readonly score: number;
  readonly reasons: readonly string[];
  /** True for the task's own files (named by `--focus` or changed in the diff); bundle order may put them last. */
  readonly task?: boolean;
  /** True when only the overview floor (root README, manifests) ranks it this high under a task, not the task. */
  readonly overview?: boolean;
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
  /** `diff` for the diff of `path` (rendered before the files, never listed in the tree); absent for a file. */
  readonly section?: 'diff';
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
  /** With `split`: the parts, each a whole bundle within the budget with its exact token count. */
  readonly parts?: readonly { readonly bundle: string; readonly tokens: number }[];
}

/** Which changes a pack shows as diffs (issue 5). */
export type DiffMode =
  /** Working tree against HEAD, untracked files included as added. */
  | { readonly kind: 'worktree' }
  /** The index against HEAD: what the next commit would record. */
  | { readonly kind: 'staged' }
  /** Working tree (untracked included) against a commit, e.g. `--diff main`. */
  | { readonly kind: 'ref'; readonly ref: string }
  /** Everything since the merge-base with `ref`, plus uncommitted work (`--base main`). */
  | { readonly kind: 'base'; readonly ref: string };

/** How one path changed. `renamed` and `copied` carry `oldPath`; `type-changed` is e.g. a file becoming a symlink. */
export type ChangeStatus = 'added' | 'modified' | 'deleted' | 'renamed' | 'copied' | 'type-changed';

/**
 * How much of a diff a variant shows, richest first: hunks with their enclosing function, hunks with one line of
 * context, hunks with no context (changed lines and their `@@` headers only), one stat line.
 */
export type DiffLevel = 'function-context' | 'hunks' | 'zero-context' | 'stat';

/** One changed path with its diff at every level. */
export interface FileChange {
  /** New path (old path for a deletion), POSIX, relative to the pack root. */
  readonly path: string;
  readonly oldPath?: string;
  readonly status: ChangeStatus;
  /** Lines added and removed; undefined for binary files. */
  readonly additions: number | undefined;
  readonly deletions: number | undefined;
  readonly isBinary: boolean;
  /** A gitlink (mode 160000) on either side. */
  readonly isSubmodule: boolean;
  /** `100644 → 100755` when the mode changed; undefined otherwise. */
  readonly modeChange?: string;
  /** One-line description, e.g. `modified, +12 −3` or `renamed from a.ts, 95% similar`. */
  readonly summary: string;
  /** Patch with function context; undefined when only the stat is shown (binary, generated, huge, added). */
  readonly functionContext?: string;
  /** Patch with one line of context; undefined like `functionContext`. */
  readonly hunks?: string;
  /** Patch with no context lines (`git diff -U0`); undefined like `functionContext`. */
  readonly zeroContext?: string;
  /** Why no patch is shown, e.g. `lockfile`, `binary`, `4,210 changed lines > 2,000`. */
  readonly patchOmitted?: string;
}

/** A commit of `--log N`. */
export interface CommitSummary {
  readonly hash: string;
  /** Committer date, ISO 8601 strict. */
  readonly date: string;
  readonly author: string;
  readonly subject: string;
  readonly files: readonly string[];
}

/** What a pack shows about change: the diffs and the recent log. */
export interface ChangeSet {
  /** E.g. `working tree vs HEAD (3f2a1c9)`. */
  readonly description: string;
  readonly changes: readonly FileChange[];
  readonly commits: readonly CommitSummary[];
}

/** One commit of the recent history, as the ranking sees it: when, and which files (POSIX, relative to the root). */
export interface GitCommit {
  /** Committer time, seconds since the Unix epoch. */
  readonly epochSeconds: number;
  readonly paths: readonly string[];
}
