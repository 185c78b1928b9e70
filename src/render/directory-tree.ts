/**
 * The directory tree as plain text lines, shared by every style (each style escapes and frames the lines).
 * Two spaces of indentation per depth, directories before files, each group sorted by code unit, so the same input
 * always gives the same lines. A file line carries its level (` (full)`); `path`-level files carry no marker, which
 * is cheapest and what the legend says. Skipped files carry ` (skipped: reason)`. A collapsed directory is one line,
 * `name/ (1,234 files)`, and nothing below it is listed.
 */
import type { Level, SkippedFile } from '../shared/types.js';
import { displayText } from './display-text.js';
import { formatCount } from './format-count.js';
import type { TreeInput } from './render-types.js';

const INDENT = '  ';

interface TreeNode {
  readonly children: Map<string, TreeNode>;
  /** Set when a file of this name exists: `''` for no marker, else ` (full)` etc. */
  fileMarker: string | undefined;
  /** Set when the directory is collapsed to one line. */
  collapsedCount: number | undefined;
}

function makeNode(): TreeNode {
  return { children: new Map(), fileMarker: undefined, collapsedCount: undefined };
}

function nodeAt(root: TreeNode, segments: readonly string[]): TreeNode {
  let node = root;
  for (const segment of segments) {
    let child = node.children.get(segment);
    if (child === undefined) {
      child = makeNode();
      node.children.set(segment, child);
    }
    node = child;
  }
  return node;
}

function levelMarker(level: Level): string {
  return level === 'path' ? '' : ` (${level})`;
}

function skipMarker(skipped: SkippedFile): string {
  const detail = skipped.detail === undefined || skipped.detail === '' ? '' : `, ${displayText(skipped.detail)}`;
  return ` (skipped: ${skipped.reason}${detail})`;
}

function addFile(root: TreeNode, path: string, marker: string): void {
  let node = root;
  // Segments are cut one at a time rather than split all at once: most files of a large repository stop early.
  for (let start = 0; start <= path.length; ) {
    // Nothing below a collapsed directory is listed: on a large repository most files stop here, unbuilt.
    if (node.collapsedCount !== undefined) return;
    const slash = path.indexOf('/', start);
    const end = slash < 0 ? path.length : slash;
    const segment = path.slice(start, end);
    start = end + 1;
    let child = node.children.get(segment);
    if (child === undefined) {
      child = makeNode();
      node.children.set(segment, child);
    }
    node = child;
  }
  // The first record of a path wins, so duplicates cannot make the output depend on anything but input order.
  node.fileMarker ??= marker;
}

function buildTree(tree: TreeInput): TreeNode {
  const root = makeNode();
  // Collapsed directories first, so files below them are skipped rather than built and then hidden.
  for (const directory of tree.collapsed) {
    const trimmed = directory.path.replace(/\/+$/, '');
    const node = trimmed === '' ? root : nodeAt(root, trimmed.split('/'));
    node.collapsedCount = directory.fileCount;
  }
  if (root.collapsedCount !== undefined) return root;
  for (const entry of tree.entries) addFile(root, entry.path, levelMarker(entry.level));
  for (const skipped of tree.skipped) addFile(root, skipped.path, skipMarker(skipped));
  return root;
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function collapsedLine(name: string, count: number): string {
  return `${name}/ (${formatCount(count)} ${count === 1 ? 'file' : 'files'})`;
}

function pushChildren(node: TreeNode, depth: number, lines: string[]): void {
  const names = [...node.children.keys()].sort(byCodeUnit);
  const indent = INDENT.repeat(depth);
  for (const name of names) {
    const child = node.children.get(name) as TreeNode;
    if (child.collapsedCount !== undefined) {
      lines.push(indent + collapsedLine(displayText(name), child.collapsedCount));
    } else if (child.children.size > 0) {
      lines.push(`${indent}${displayText(name)}/`);
      pushChildren(child, depth + 1, lines);
    }
  }
  for (const name of names) {
    const child = node.children.get(name) as TreeNode;
    if (child.fileMarker !== undefined) lines.push(indent + displayText(name) + child.fileMarker);
  }
}

/** The tree's lines, without line terminators. A collapsed root gives the single line `./ (N files)`. */
export function directoryTreeLines(tree: TreeInput): string[] {
  const root = buildTree(tree);
  if (root.collapsedCount !== undefined) return [collapsedLine('.', root.collapsedCount)];
  const lines: string[] = [];
  pushChildren(root, 0, lines);
  return lines;
}
