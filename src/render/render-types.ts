/** Records the render stage takes in. Kept apart from `index.ts` so the style modules can import them without a cycle. */
import type { CollapsedDirectory, CommitSummary, Level, Plan, PlanEntry, SkippedFile } from '../shared/types.js';

/** Output formats of a bundle. */
export type Style = 'xml' | 'markdown' | 'plain' | 'json';

/** Every style, default (`xml`) first. */
export const STYLES: readonly Style[] = ['xml', 'markdown', 'plain', 'json'];

/** Facts stated in the bundle header. */
export interface BundleHeader {
  /** Display name of the packed root (its directory name), never an absolute path. */
  readonly rootName: string;
  readonly tokenizer: string;
  readonly budget: number;
  /** Token count of the whole bundle as stated in the header. */
  readonly tokens: number;
  /** Number of files listed (packed at any level + skipped). */
  readonly fileCount: number;
  /** What the diff sections compare and the recent commits; absent when the pack shows no changes. */
  readonly changes?: BundleChanges;
  /** The user's own words shown in the header after the legend (`--header-text`). */
  readonly headerText?: string;
  /** Text placed at the very end of the bundle, after the files (`--instructions FILE`). */
  readonly instructions?: string;
  /** True with `--no-tree`: the directory tree is left out (path-only files are then not listed anywhere). */
  readonly hideTree?: boolean;
  /** `part 2 of 3` when the bundle is one part of a split (`--split N`). */
  readonly part?: { readonly index: number; readonly count: number };
}

/** The `changes` block after the header: the diff basis in words, how many paths changed, the recent log. */
export interface BundleChanges {
  readonly description: string;
  readonly fileCount: number;
  readonly commits: readonly CommitSummary[];
}

/** What the directory tree lists. */
export interface TreeInput {
  readonly entries: readonly { readonly path: string; readonly level: Level }[];
  readonly skipped: readonly SkippedFile[];
  /** Directories shown as one line with their file count instead of their contents. */
  readonly collapsed: readonly CollapsedDirectory[];
  /** True renders only what opens the files list, no tree lines (`--no-tree`). */
  readonly hidden?: boolean;
}

/** Everything one bundle is made of. */
export interface BundleInput {
  readonly style: Style;
  readonly header: BundleHeader;
  readonly plan: Plan;
  readonly skipped: readonly SkippedFile[];
}

/**
 * The four parts of one style. Parts are independent strings so `fit` can price them separately; each part ends
 * with a newline (or is empty) so tokens rarely merge across part boundaries.
 */
export interface StyleRenderer {
  preamble(header: BundleHeader): string;
  tree(tree: TreeInput): string;
  /** Only called for entries whose level is not `path`. */
  section(entry: SectionEntry): string;
  /** Ends the bundle; `instructions`, when given, come last, inside the well-formed document. */
  closing(instructions?: string): string;
}

/** A plan entry that has text to show. */
export type SectionEntry = PlanEntry & { readonly variant: Extract<PlanEntry['variant'], { text: string }> };
