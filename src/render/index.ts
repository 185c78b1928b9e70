/**
 * render: a plan in → the bundle text. Pure. A bundle is exactly
 * `renderPreamble(...) + renderTree(...) + sections.join('') + renderClosing(...)`, so `fit` can price each part
 * separately and the sum matches the whole up to tokenizer merges at part boundaries.
 */
import type { CollapsedDirectory, Level, Plan, PlanEntry, SkippedFile } from '../shared/types.js';

export type Style = 'xml' | 'markdown' | 'plain' | 'json';
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
}

/** What the directory tree lists. */
export interface TreeInput {
  readonly entries: readonly { readonly path: string; readonly level: Level }[];
  readonly skipped: readonly SkippedFile[];
  /** Directories shown as one line with their file count instead of their contents. */
  readonly collapsed: readonly CollapsedDirectory[];
}

export interface BundleInput {
  readonly style: Style;
  readonly header: BundleHeader;
  readonly plan: Plan;
  readonly skipped: readonly SkippedFile[];
}

export declare function renderPreamble(style: Style, header: BundleHeader): string;
export declare function renderTree(style: Style, tree: TreeInput): string;
/** One file's section; `''` for a `path`-level entry. */
export declare function renderSection(style: Style, entry: PlanEntry): string;
export declare function renderClosing(style: Style): string;
export declare function renderBundle(input: BundleInput): string;
