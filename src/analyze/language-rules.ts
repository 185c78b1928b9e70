/** The per-language table the walkers read: which syntax nodes are definitions, bodies, imports and comments. */
import type { Node } from 'web-tree-sitter';
import type { DefinitionKind } from './syntax-types.js';

/** How a function body is replaced in a skeleton so the file still parses. */
export type ElisionStyle = 'brace' | 'python' | 'ruby' | 'bash';

/** A definition recognised at one node; `undefined` from a rule means "not a definition after all". */
export interface DefinitionMatch {
  readonly name: string;
  readonly kind: DefinitionKind;
  readonly isExported: boolean;
}

/** Context a definition rule may need: the enclosing definition's kind, if any. */
export interface DefinitionContext {
  readonly parentKind: DefinitionKind | undefined;
}

export type DefinitionRule = (node: Node, context: DefinitionContext) => DefinitionMatch | undefined;

/** Everything language-specific; the walkers are generic over it. */
export interface LanguageRules {
  readonly elision: ElisionStyle;
  /** Node type → rule recognising a definition. */
  readonly definitions: Readonly<Record<string, DefinitionRule>>;
  /** Node types whose `body` (field or last block child) is elided in a skeleton. */
  readonly bodyOwners: ReadonlySet<string>;
  /** Node types that are a body when no `body` field exists (`block`, `function_body`, …). */
  readonly bodyTypes: ReadonlySet<string>;
  /**
   * Owners whose body may be an expression (an arrow function returning JSX); a multi-line one is elided like a
   * block, as `{/* ... *\/}`.
   */
  readonly expressionBodies?: ReadonlySet<string>;
  /** Collection literals whose long initialisers are elided (`object`, `array`, `dictionary`, …). */
  readonly collections: ReadonlySet<string>;
  /** Node types that may carry imports; `imports` is only called on these. */
  readonly importTypes: ReadonlySet<string>;
  /** Raw import specifiers written at this node, or undefined when it is no import. */
  readonly imports: (node: Node) => readonly string[] | undefined;
  /** The owner of a definition declared outside it (a Go method's receiver type). */
  readonly ownerOf?: (node: Node) => string | undefined;
  readonly comments: ReadonlySet<string>;
  /** Leaf node types counted as identifier references. */
  readonly identifiers: ReadonlySet<string>;
  /** String-like node types whose inner lines must keep their whitespace. */
  readonly strings: ReadonlySet<string>;
  /** String types that may span lines and may be cut at a line break in a skeleton (see `long-strings.ts`). */
  readonly longStrings?: ReadonlySet<string>;
  /**
   * Node types written on one line in a skeleton when they span lines: parameters, parenthesised imports (see
   * `flat-parameters.ts`).
   */
  readonly flatNodes?: ReadonlySet<string>;
  /**
   * A top-level statement a skeleton may replace, with its neighbours, by one comment (see `statement-runs.ts`);
   * `shapes` is per-file memory for rules that elide repetition.
   */
  readonly runStatement?: (node: Node, shapes: Map<string, number>) => boolean;
  /** Keep a plain comment directly above a declaration (Go, Ruby, Bash doc convention). */
  readonly keepsCommentAboveDeclaration: boolean;
}

/** The name node of a declaration: the `name` field, else the first child of an identifier-like type. */
export function nameOf(node: Node, types: readonly string[] = IDENTIFIER_LIKE): string | undefined {
  const named = node.childForFieldName('name');
  if (named) return named.text;
  for (const child of node.namedChildren) {
    if (child && types.includes(child.type)) return child.text;
  }
  return undefined;
}

const IDENTIFIER_LIKE = [
  'identifier',
  'type_identifier',
  'simple_identifier',
  'constant',
  'name',
  'property_identifier',
  'field_identifier',
];

/** True when a direct unnamed child or a modifier child has exactly this text (`export`, `pub`, `static`). */
export function hasKeyword(node: Node, keyword: string): boolean {
  for (const child of node.children) {
    if (!child) continue;
    if (child.text === keyword) return true;
    if (/modifier|visibility/.test(child.type) && new RegExp(`\\b${keyword}\\b`).test(child.text)) return true;
  }
  return false;
}

/** A rule producing a fixed kind from the node's name. */
export function simpleRule(
  kind: DefinitionKind,
  isExported: (node: Node, name: string) => boolean = () => true,
): DefinitionRule {
  return (node) => {
    const name = nameOf(node);
    return name === undefined ? undefined : { name, kind, isExported: isExported(node, name) };
  };
}

/** Methods are functions declared inside a class-like definition. */
export function functionOrMethod(context: DefinitionContext): DefinitionKind {
  const parent = context.parentKind;
  const isMember =
    parent === 'class' || parent === 'interface' || parent === 'struct' || parent === 'trait' || parent === 'impl';
  return isMember ? 'method' : 'function';
}

/** Strip one pair of matching quotes, if present. */
export function unquote(text: string): string {
  const first = text[0];
  if (text.length >= 2 && (first === '"' || first === "'" || first === '`') && text.endsWith(first)) {
    return text.slice(1, -1);
  }
  return text;
}

/** Shorthand for a set of node types. */
export function types(...names: string[]): ReadonlySet<string> {
  return new Set(names);
}
