/**
 * render: a plan in → the bundle text. Pure. A bundle is exactly
 * `renderPreamble(style, header) + renderTree(style, treeFrom(plan, skipped))
 *   + plan.entries.map((entry) => renderSection(style, entry)).join('') + renderClosing(style)`,
 * where the plan lists its diff sections (`entry.section === 'diff'`) before its file sections,
 * so `fit` can price each part separately and the sum matches the whole up to tokenizer merges at part boundaries
 * (every non-empty part ends with a line feed to keep such merges rare).
 */
import { UsageError } from '../shared/errors.js';
import type { Plan, PlanEntry, SkippedFile } from '../shared/types.js';
import { renderChangesBlock, renderDiffSection } from './diff-section.js';
import { jsonStyle } from './json-style.js';
import { markdownStyle } from './markdown-style.js';
import { plainStyle } from './plain-style.js';
import type { BundleHeader, BundleInput, SectionEntry, Style, StyleRenderer, TreeInput } from './render-types.js';
import { xmlStyle } from './xml-style.js';

export { STYLES } from './render-types.js';
export { numberLines, withLineNumbers } from './line-numbers.js';
export type { BundleChanges, BundleHeader, BundleInput, Style, TreeInput } from './render-types.js';

function rendererFor(style: Style): StyleRenderer {
  switch (style) {
    case 'xml':
      return xmlStyle;
    case 'markdown':
      return markdownStyle;
    case 'plain':
      return plainStyle;
    case 'json':
      return jsonStyle;
    default: {
      const unknown: never = style;
      throw new UsageError(`--style ${String(unknown)} is not a style`, 'use one of: xml, markdown, plain, json');
    }
  }
}

function isSectionEntry(entry: PlanEntry): entry is SectionEntry {
  return entry.variant.level !== 'path';
}

/** What the tree lists for a plan: every file entry at its level, the skipped files, the collapsed directories. */
export function treeFrom(plan: Plan, skipped: readonly SkippedFile[]): TreeInput {
  return {
    entries: plan.entries
      .filter((entry) => entry.section !== 'diff')
      .map((entry) => ({ path: entry.path, level: entry.variant.level })),
    skipped,
    collapsed: plan.collapsed,
  };
}

/** The opening of the bundle: what it is, its numbers, the legend of levels (and the changes block, if any). */
export function renderPreamble(style: Style, header: BundleHeader): string {
  return rendererFor(style).preamble(header) + renderChangesBlock(style, header.changes);
}

/** The directory tree, each file marked with its level or skip reason (plus whatever opens the files list). */
export function renderTree(style: Style, tree: TreeInput): string {
  return rendererFor(style).tree(tree);
}

/** One file's (or one diff's) section; `''` for a `path`-level entry. */
export function renderSection(style: Style, entry: PlanEntry): string {
  if (!isSectionEntry(entry)) return '';
  return entry.section === 'diff' ? renderDiffSection(style, entry) : rendererFor(style).section(entry);
}

/**
 * What the style needs after the last section to be well-formed (`''` when nothing), with the user's
 * `instructions` (`--instructions FILE`) last when given.
 */
export function renderClosing(style: Style, instructions?: string): string {
  return rendererFor(style).closing(instructions === '' ? undefined : instructions);
}

/** The whole bundle: preamble, tree, one section per entry in plan order, closing. */
export function renderBundle(input: BundleInput): string {
  return renderBundleParts(input).join('');
}

/** The bundle's parts in order (preamble, tree, each section, closing), so each can be counted and remembered apart. */
export function renderBundleParts(input: BundleInput): string[] {
  const { style, header, plan, skipped } = input;
  const sections = plan.entries.map((entry) => renderSection(style, entry));
  const tree = header.hideTree === true ? { ...treeFrom(plan, skipped), hidden: true } : treeFrom(plan, skipped);
  return [renderPreamble(style, header), renderTree(style, tree), ...sections, renderClosing(style, header.instructions)];
}
