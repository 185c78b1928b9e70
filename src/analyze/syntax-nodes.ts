/** Small questions asked of syntax nodes by the scan. */
import type { Node, TreeCursor } from 'web-tree-sitter';
import type { LanguageRules } from './language-rules.js';
import type { ElisionSpan } from './syntax-scan.js';

/** Where a node (or a cursor on one) lies: what an elision records of it. */
type NodePlace = Pick<Node, 'startIndex' | 'endIndex' | 'startPosition' | 'endPosition'>;

/** An elision of `kind` covering the node at `place`; `extra` adds the replacement text or the decorator flag. */
export function elisionAt(
  kind: ElisionSpan['kind'],
  place: NodePlace,
  extra: Pick<ElisionSpan, 'text' | 'isArguments'> = {},
): ElisionSpan {
  return {
    kind,
    start: place.startIndex,
    end: place.endIndex,
    startRow: place.startPosition.row,
    endRow: place.endPosition.row,
    indentColumn: place.startPosition.column,
    ...extra,
  };
}

/**
 * The body of a function-like node: its `body` field, else its last body-typed child, else itself. `type` is the
 * node's type when the caller has it (each read of a node's type is a call into WASM).
 */
export function findBody(node: Node, rules: LanguageRules, type = node.type): Node | undefined {
  if (!rules.bodyOwners.has(type)) return undefined;
  const field = node.childForFieldName('body');
  if (field) return rules.bodyTypes.has(field.type) || rules.expressionBodies?.has(type) ? field : undefined;
  for (let index = node.namedChildCount - 1; index >= 0; index -= 1) {
    const child = node.namedChild(index);
    if (child && rules.bodyTypes.has(child.type)) return child;
  }
  return rules.bodyTypes.has(type) ? node : undefined;
}

/**
 * Doc comments (`/** … *\/`, `///`, `//!`, `/*!`) and tool directives (shebang, `//go:build`, `# type:`,
 * `eslint-disable`, encoding lines) are kept: removing them changes what tools or readers see.
 */
const KEPT_COMMENT =
  /^(\/\*\*(?!\/)|\/\/\/|\/\/!|\/\*!|#!|#\s*-\*-|#\s*(type|noqa|pylint|pragma|frozen_string_literal|encoding|coding|shellcheck|rubocop)\b|\/\/\s*(go:|\+build|@ts-|#region|#endregion|eslint|prettier|swiftlint|nolint)|\/\*\s*(eslint|prettier|istanbul|webpackChunkName)|\/\/\/?\s*<reference)/;

/** True when a comment stays in `stripped` and `skeleton`. */
export function isKeptComment(node: Node, rules: LanguageRules): boolean {
  if (KEPT_COMMENT.test(node.text)) return true;
  return rules.keepsCommentAboveDeclaration && isDirectlyAboveDeclaration(node, rules);
}

/** Go, Ruby and Bash document a declaration with the plain comments on the lines right above it. */
function isDirectlyAboveDeclaration(node: Node, rules: LanguageRules): boolean {
  let lastRow = node.endPosition.row;
  let next = node.nextNamedSibling;
  while (next && rules.comments.has(next.type) && next.startPosition.row === lastRow + 1) {
    lastRow = next.endPosition.row;
    next = next.nextNamedSibling;
  }
  if (!next || next.startPosition.row !== lastRow + 1) return false;
  return isDeclaration(next, rules);
}

function isDeclaration(node: Node, rules: LanguageRules): boolean {
  if (rules.definitions[node.type] || rules.bodyOwners.has(node.type)) return true;
  if (node.type === 'package_clause') return true;
  const first = node.namedChildren[0];
  return first !== null && first !== undefined && Boolean(rules.definitions[first.type]);
}

/**
 * The nodes of `types` under `root` (itself included), in the order a cursor walk visits them. Tree-sitter's own
 * search (`descendantsOfType`) walks the tree inside WASM in one call, where a cursor walk driven from JavaScript
 * pays about four calls per node (a third of a cold pack's analysis went there). The search skips nodes ending at
 * point (0, 0): zero-width nodes at the very start (an empty file's root, a MISSING token). Nodes starting at
 * offset 0 are the first ones a walk visits, so those come from a short cursor walk instead.
 */
export function nodesOfTypes(root: Node, types: readonly string[]): Node[] {
  if (types.length === 0) return [];
  const found = nodesAtStart(root, new Set(types));
  // The search wants the names it matches sorted by symbol id, which it derives itself; `ERROR` would break that.
  for (const node of root.descendantsOfType(types.filter((type) => type !== 'ERROR'))) {
    if (node && node.startIndex > 0) found.push(node);
  }
  return found;
}

/** Nodes of `wanted` starting at offset 0, in walk order; every node after the first later one starts later too. */
function nodesAtStart(root: Node, wanted: ReadonlySet<string>): Node[] {
  const found: Node[] = [];
  const cursor = root.walk();
  try {
    while (cursor.startIndex === 0) {
      if (wanted.has(cursor.nodeType)) found.push(cursor.currentNode);
      if (!cursor.gotoFirstChild() && !gotoNextInWalk(cursor)) break;
    }
  } finally {
    cursor.delete();
  }
  return found;
}

/** Moves to the next sibling of the node or of its nearest ancestor that has one; false at the end of the walk. */
function gotoNextInWalk(cursor: TreeCursor): boolean {
  while (!cursor.gotoNextSibling()) {
    if (!cursor.gotoParent()) return false;
  }
  return true;
}
