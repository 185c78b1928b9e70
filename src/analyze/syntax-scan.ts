/**
 * One pass over a syntax tree that gathers everything the representations need: definitions with their nesting,
 * imports, identifier counts, comments (with a keep/remove verdict), multi-line strings and the spans a skeleton elides.
 * The pass visits only the nodes of the types the rules name, found by tree-sitter's search inside WASM
 * (`nodesOfTypes`), in the order a walk of the whole tree would visit them.
 */
import type { Node, Tree } from 'web-tree-sitter';
import type { DefinitionRule, LanguageRules } from './language-rules.js';
import type { Definition, DefinitionKind } from './syntax-types.js';
import { elisionAt, findBody, isKeptComment, nodesOfTypes } from './syntax-nodes.js';
import { docstringElision, isLongString } from './long-strings.js';
import { parameterElision } from './flat-parameters.js';
import { statementRuns } from './statement-runs.js';

/** Half-open UTF-16 range `[start, end)` in the source text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A definition plus what the outline needs. */
export interface DefinitionRecord extends Definition {
  /** From the name to the body, on one line. */
  readonly header: string;
  readonly depth: number;
}

/** A region a skeleton replaces: a function body, a long literal or a multi-line parameter. */
export interface ElisionSpan extends Span {
  readonly kind: 'body' | 'collection' | 'string' | 'parameter' | 'docstring' | 'run';
  /** A collection that is a decorator's argument list. */
  readonly isArguments?: boolean;
  /** The replacement, when the scan already knows it (a flattened parameter, a docstring's summary). */
  readonly text?: string;
  /** The node owning a Python docstring, kept in front of the elision. */
  readonly keepUntil?: number;
  /** 0-based rows of the elided node. */
  readonly startRow: number;
  readonly endRow: number;
  /** Column of the first statement, for Python's indented `...`. */
  readonly indentColumn: number;
}

export interface CommentSpan extends Span {
  readonly isKept: boolean;
}

export interface SyntaxScan {
  readonly definitions: readonly DefinitionRecord[];
  readonly imports: readonly string[];
  readonly identifierCounts: ReadonlyMap<string, number>;
  readonly comments: readonly CommentSpan[];
  readonly multilineStrings: readonly Span[];
  readonly elisions: readonly ElisionSpan[];
}

/**
 * A collection literal longer than this many lines is elided in a skeleton; shorter initialisers stay because they
 * are often the value a reader needs (a default, a small lookup table).
 */
export const LONG_INITIALISER_LINES = 6;

/**
 * A decorator's arguments spanning this many line breaks are elided: the decorator's name says what it does, the
 * parameter tables under it (test cases, route options) are data. Three-line ones were a third of FastAPI's test
 * skeletons.
 */
export const DECORATOR_ARGUMENT_ROWS = 2;

/**
 * A body on one or two lines is elided when at least this long: the marker (`{ /* 13 *\/ }`, `...  # 13`) costs
 * about six tokens, so shorter bodies (`{ return this.size; }`) are kept as they are.
 */
export const MIN_ONE_LINE_BODY_CHARS = 40;

/** The longest header kept in an outline line, in characters. */
export const HEADER_MAX_CHARS = 100;

interface OpenDefinition {
  readonly end: number;
  readonly name: string;
  readonly kind: DefinitionKind;
}

class ScanState {
  readonly definitions: DefinitionRecord[] = [];
  readonly imports = new Set<string>();
  readonly identifierCounts = new Map<string, number>();
  readonly comments: CommentSpan[] = [];
  readonly multilineStrings: Span[] = [];
  readonly elisions: ElisionSpan[] = [];
  readonly scopes: OpenDefinition[] = [];
  /** Texts of the parameters seen so far, for `parameterElision`. */
  readonly parameters = new Set<string>();
  bodyUntil = -1;
  elidedUntil = -1;

  constructor(
    readonly source: string,
    readonly rules: LanguageRules,
  ) {}
}

/** Scan a parsed tree; pure apart from reading the tree. */
export function scanTree(tree: Tree, source: string, rules: LanguageRules): SyntaxScan {
  const state = new ScanState(source, rules);
  const root = tree.rootNode;
  const { identifiers, all } = scannedTypes(rules);
  for (const node of nodesOfTypes(root, all)) {
    const type = node.type;
    if (identifiers.has(type)) countIdentifier(node, state);
    else visit(node, type, state);
  }
  return {
    definitions: state.definitions,
    imports: [...state.imports],
    identifierCounts: state.identifierCounts,
    comments: state.comments,
    multilineStrings: state.multilineStrings,
    elisions: [...state.elisions, ...runElisions(root, source, rules)],
  };
}

/** The node types the scan looks at: identifiers (only counted) and the rest (comments, definitions, bodies, …). */
interface ScannedTypes {
  readonly identifiers: ReadonlySet<string>;
  /** Every type the scan looks at, sorted. */
  readonly all: readonly string[];
}

const scannedTypesByRules = new WeakMap<LanguageRules, ScannedTypes>();

/** Computed once per rule set; a node of an identifier type is only counted, whatever other set names its type. */
function scannedTypes(rules: LanguageRules): ScannedTypes {
  const cached = scannedTypesByRules.get(rules);
  if (cached) return cached;
  const all = new Set([
    ...rules.identifiers,
    ...rules.comments,
    ...rules.strings,
    ...(rules.flatNodes ?? []),
    ...rules.importTypes,
    ...Object.keys(rules.definitions),
    ...rules.bodyOwners,
    ...rules.collections,
  ]);
  const types = { identifiers: rules.identifiers, all: [...all].sort() };
  scannedTypesByRules.set(rules, types);
  return types;
}

function runElisions(root: Node, source: string, rules: LanguageRules): ElisionSpan[] {
  return statementRuns(root, rules, source).map((run) => ({ kind: 'run', ...run, indentColumn: 0 }));
}

/** The text is sliced from the source: the tree's indices are UTF-16 offsets into the string it parsed. */
function countIdentifier(node: Node, state: ScanState): void {
  const text = state.source.slice(node.startIndex, node.endIndex);
  state.identifierCounts.set(text, (state.identifierCounts.get(text) ?? 0) + 1);
}

/**
 * Nodes come in the order a walk of the whole tree visits them, so `bodyUntil`/`elidedUntil` hold what earlier nodes
 * recorded, and a scope whose end lies before `start` is closed. Closing scopes only at the visited nodes closes the
 * same ones before each definition as closing them at every node would: starts never decrease along the walk.
 */
function visit(node: Node, type: string, state: ScanState): void {
  const start = node.startIndex;
  const { rules } = state;
  while (state.scopes.length > 0 && start >= (state.scopes.at(-1)?.end ?? 0)) state.scopes.pop();
  if (rules.comments.has(type)) {
    state.comments.push({ start, end: commentEnd(node), isKept: isKeptComment(node, rules) });
    return;
  }
  if (rules.strings.has(type) && node.startPosition.row !== node.endPosition.row) {
    state.multilineStrings.push({ start, end: node.endIndex });
    if (!isInsideElision(state, start)) {
      if (isLongString(node, rules)) recordString(node, state);
      else if (rules.elision === 'python') pushElision(state, docstringElision(node));
    }
  }
  if (rules.flatNodes?.has(type) && !isInsideElision(state, start)) {
    pushElision(state, parameterElision(node, state.source, rules, state.parameters));
  }
  if (rules.importTypes.has(type)) {
    for (const specifier of rules.imports(node) ?? []) state.imports.add(specifier);
  }
  const rule = rules.definitions[type];
  if (rule && start >= state.bodyUntil) recordDefinition(node, type, rule, state);
  if (rules.bodyOwners.has(type) && start >= state.bodyUntil) recordBody(node, type, state);
  else if (rules.collections.has(type) && start >= state.elidedUntil) recordCollection(node, type, state);
}

/** Some grammars include the line break in a line comment; the break is code structure, not comment. */
function commentEnd(node: Node): number {
  const text = node.text;
  return node.startIndex + text.trimEnd().length;
}

function recordDefinition(node: Node, type: string, rule: DefinitionRule, state: ScanState): void {
  const parent = state.scopes.at(-1);
  const match = rule(node, { parentKind: parent?.kind });
  if (!match) return;
  const owner = parent?.name ?? state.rules.ownerOf?.(node);
  const end = node.endIndex;
  const record: DefinitionRecord = {
    name: match.name,
    kind: match.kind,
    startLine: node.startPosition.row + 1,
    endLine: node.endPosition.row + 1,
    isExported: match.isExported,
    ...(owner === undefined ? {} : { parent: owner }),
    header: headerOf(node, type, end, match.name, state),
    depth: state.scopes.length,
  };
  state.definitions.push(record);
  state.scopes.push({ end, name: match.name, kind: match.kind });
}

/** From the name to where the body starts, whitespace collapsed, trimmed to `HEADER_MAX_CHARS`. */
function headerOf(node: Node, type: string, nodeEnd: number, name: string, state: ScanState): string {
  const value = node.childForFieldName('value');
  const body = findBody(node, state.rules, type) ?? (value ? findBody(value, state.rules) : undefined) ?? containerBody(node);
  const comment = node.namedChildren.find((child) => child !== null && state.rules.comments.has(child.type));
  const bodyStart = body && body.startIndex > node.startIndex ? body.startIndex : nodeEnd;
  const end = comment && comment.startIndex < bodyStart ? comment.startIndex : bodyStart;
  const text = state.source.slice(node.startIndex, end);
  const nameAt = text.indexOf(name);
  const header = text
    .slice(nameAt < 0 ? 0 : nameAt)
    .replace(/\s+/g, ' ')
    .replace(/([([{]) /g, '$1')
    .replace(/,? ([)\]}])/g, '$1')
    .replace(/\s*(=>|[{:=;])?\s*$/, '');
  return header.length > HEADER_MAX_CHARS ? `${header.slice(0, HEADER_MAX_CHARS - 1)}…` : header;
}

function containerBody(node: Node): Node | undefined {
  const field = node.childForFieldName('body');
  if (field) return field;
  return node.namedChildren.find((child) => child !== null && /body|declaration_list|struct_type|interface_type/.test(child.type)) ?? undefined;
}

function recordBody(node: Node, type: string, state: ScanState): void {
  const body = findBody(node, state.rules, type);
  if (!body) return;
  const bodyType = body.type;
  // A function returning a function (`(prefix) => (message) => {…}`): the inner one's body is the one to elide.
  if (state.rules.bodyOwners.has(bodyType)) return;
  const end = body.endIndex;
  state.bodyUntil = Math.max(state.bodyUntil, end);
  if (body.startIndex < state.elidedUntil) return;
  const startRow = body.startPosition.row;
  const endRow = body.endPosition.row;
  if (!isElidable(body, { type: bodyType, end, rows: endRow - startRow, endRow }, state)) return;
  const docstring = state.rules.elision === 'python' ? pythonDocstring(body) : undefined;
  state.elisions.push({
    kind: 'body',
    start: body.startIndex,
    end,
    startRow,
    endRow,
    indentColumn: body.startPosition.column,
    ...(docstring ? { keepUntil: docstring.endIndex } : {}),
  });
  state.elidedUntil = end;
}

/** What `recordBody` already read of a body, so it is asked of the tree once. */
interface BodyFacts {
  readonly type: string;
  readonly end: number;
  readonly rows: number;
  readonly endRow: number;
}

/** A body is worth eliding when it has lines of its own, and the elision keeps the file's shape. */
function isElidable(body: Node, facts: BodyFacts, state: ScanState): boolean {
  const { rows, end } = facts;
  const text = state.source;
  switch (state.rules.elision) {
    case 'brace':
    case 'bash': {
      const isLong = rows >= 2 || end - body.startIndex >= MIN_ONE_LINE_BODY_CHARS;
      const isBlock = text[body.startIndex] === '{' && text[end - 1] === '}';
      const isBodyType = state.rules.bodyTypes.has(facts.type);
      // An expression body is elided only over several lines: a one-line `=> a + b` is the function's meaning.
      const isExpression = !isBodyType && rows >= 2;
      return isLong && (isExpression || (isBlock && isBodyType));
    }
    case 'python': {
      const isLong = rows >= 1 || end - body.startIndex >= MIN_ONE_LINE_BODY_CHARS;
      return isLong && body.startPosition.row > (body.parent?.startPosition.row ?? -1);
    }
    case 'ruby':
      return rows >= 1 && (body.parent?.endPosition.row ?? 0) > facts.endRow;
  }
}

/** The first statement of a Python body when it is a string literal. */
function pythonDocstring(body: Node): Node | undefined {
  const first = body.namedChildren[0];
  if (!first) return undefined;
  if (first.type === 'string') return first;
  const only = first.type === 'expression_statement' && first.namedChildCount === 1 ? first.namedChildren[0] : null;
  return only?.type === 'string' ? first : undefined;
}

function recordCollection(node: Node, type: string, state: ScanState): void {
  const rows = node.endPosition.row - node.startPosition.row;
  const isArguments = type === 'argument_list';
  // Argument lists count only in decorators (`@pytest.mark.parametrize(…)`); a call's arguments elsewhere are code.
  if (isArguments && node.parent?.parent?.type !== 'decorator') return;
  const minRows = isArguments ? DECORATOR_ARGUMENT_ROWS : LONG_INITIALISER_LINES;
  if (rows < minRows || node.startIndex < state.bodyUntil) return;
  // An object with methods (`export default { external(id) { … } }`) is code, not data: its members are definitions.
  if (hasMethods(node, state.rules)) return;
  state.elisions.push(elisionAt('collection', node, isArguments ? { isArguments } : {}));
  state.elidedUntil = node.endIndex;
}

/**
 * True when `offset` lies in an elision already recorded. Elisions never nest, and the only one that may start
 * after an earlier-visited offset is a function body recorded before its parameters are visited; the parameters'
 * own elisions, recorded after that body, are looked past.
 */
function isInsideElision(state: ScanState, offset: number): boolean {
  for (let index = state.elisions.length - 1; index >= 0; index -= 1) {
    const elision = state.elisions[index];
    if (!elision || elision.start > offset) continue;
    if (offset < elision.end) return true;
    if (elision.kind !== 'parameter') return false;
  }
  return false;
}

function pushElision(state: ScanState, elision: ElisionSpan | undefined): void {
  if (elision) state.elisions.push(elision);
}

function recordString(node: Node, state: ScanState): void {
  state.elisions.push(elisionAt('string', node));
}

function hasMethods(node: Node, rules: LanguageRules): boolean {
  return node.namedChildren.some((child) => child !== null && rules.bodyOwners.has(child.type) && child.type in rules.definitions);
}
