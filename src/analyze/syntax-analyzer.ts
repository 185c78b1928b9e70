/** Parses one file with its grammar and turns the scan into facts and representations; failures are data. */
import type { Tree } from 'web-tree-sitter';
import type { SourceFile } from '../shared/types.js';
import type { LoadedGrammar } from './grammar-registry.js';
import { GrammarRegistry, hasGrammar } from './grammar-registry.js';
import { buildOutline } from './outline.js';
import { buildSkeleton, buildStripped } from './representations.js';
import type { DefinitionRecord, SyntaxScan } from './syntax-scan.js';
import { scanTree } from './syntax-scan.js';
import type { Definition, FileSyntax, SyntaxFailure } from './syntax-types.js';
import { checkParseable } from './file-guards.js';

/** At most this many references per file are kept (the most frequent), so one huge file cannot flood the graph. */
export const MAX_REFERENCES = 2000;

/** Identifiers shorter than this are loop counters and type parameters, not links between files. */
const MIN_REFERENCE_CHARS = 2;

/** See `SyntaxAnalyzer` in `index.ts`. */
export class TreeSitterAnalyzer {
  private readonly grammars = new GrammarRegistry();

  supports(language: string | undefined): boolean {
    return hasGrammar(language);
  }

  async analyze(file: SourceFile): Promise<FileSyntax | SyntaxFailure> {
    if (!hasGrammar(file.language)) return { failure: 'unsupported-language', detail: String(file.language) };
    const guard = checkParseable(file);
    if (guard) return guard;
    let grammar: LoadedGrammar;
    try {
      grammar = await this.grammars.load(file.language);
    } catch (error) {
      return { failure: 'parse-failed', detail: `grammar for ${file.language} did not load: ${String(error)}` };
    }
    return analyzeText(file.text, grammar);
  }

  /**
   * True when `text` parses in `language` with no ERROR or MISSING node (the validity property of `stripped` and
   * `skeleton`); false as well when the language has no grammar or it does not load.
   */
  async verify(language: string, text: string): Promise<boolean> {
    if (!hasGrammar(language)) return false;
    try {
      return parsesCleanly(text, await this.grammars.load(language));
    } catch {
      return false;
    }
  }

  /** Load a language's grammar ahead of its first file; a grammar that does not load is reported by `analyze`. */
  async preload(language: string): Promise<void> {
    if (hasGrammar(language)) await this.grammars.load(language).catch(() => undefined);
  }

  dispose(): void {
    this.grammars.dispose();
  }
}

/**
 * Parse, scan, free the tree, then build everything from the scan. `stripped` and `skeleton` are not re-parsed here
 * (that was a third of analysis time, for representations most packs never show): they come back marked
 * `representationsUnchecked`, and whoever shows one checks it with `parsesCleanly`.
 */
export function analyzeText(source: string, grammar: LoadedGrammar): FileSyntax | SyntaxFailure {
  let tree: Tree | null;
  try {
    tree = grammar.parser.parse(source);
  } catch (error) {
    return { failure: 'parse-failed', detail: String(error) };
  }
  if (!tree) return { failure: 'parse-failed', detail: 'the parser returned no tree' };
  let scan: SyntaxScan;
  let hasParseErrors: boolean;
  try {
    hasParseErrors = tree.rootNode.hasError;
    scan = scanTree(tree, source, grammar.rules);
  } finally {
    tree.delete();
  }
  const definitions = scan.definitions.map(toDefinition);
  return {
    language: grammar.language,
    definitions,
    imports: scan.imports,
    references: referencesOf(scan, definitions),
    ...(hasParseErrors ? { hasParseErrors } : {}),
    ...representations(source, scan, grammar),
  };
}

function representations(
  source: string,
  scan: SyntaxScan,
  grammar: LoadedGrammar,
): Pick<FileSyntax, 'stripped' | 'skeleton' | 'outline' | 'representationsUnchecked'> {
  const stripped = buildStripped(source, scan);
  const skeleton = buildSkeleton(source, scan, grammar.rules.elision);
  const outline = buildOutline(scan.definitions);
  // Offered by size alone, so a later failed check removes that level only and never changes whether another is offered.
  const isStrippedUseful = stripped.length < source.length;
  const isSkeletonUseful = skeleton.text.length < Math.min(source.length, isStrippedUseful ? stripped.length + 1 : Infinity);
  return {
    ...(isStrippedUseful ? { stripped } : {}),
    ...(isSkeletonUseful ? { skeleton } : {}),
    ...(outline.length > 0 && outline.length < source.length ? { outline } : {}),
    ...(isStrippedUseful || isSkeletonUseful ? { representationsUnchecked: true } : {}),
  };
}

/** The validity property: a representation is only offered when it parses with no ERROR or MISSING node. */
export function parsesCleanly(text: string, grammar: LoadedGrammar): boolean {
  const tree = grammar.parser.parse(text);
  if (!tree) return false;
  try {
    return !tree.rootNode.hasError;
  } finally {
    tree.delete();
  }
}

function toDefinition(record: DefinitionRecord): Definition {
  const { header: _header, depth: _depth, ...definition } = record;
  return definition;
}

/** The most used identifiers not defined here, sorted by code unit. */
function referencesOf(scan: SyntaxScan, definitions: readonly Definition[]): string[] {
  const defined = new Set(definitions.map((definition) => definition.name));
  const candidates = [...scan.identifierCounts].filter(
    ([name]) => name.length >= MIN_REFERENCE_CHARS && !defined.has(name),
  );
  candidates.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const names = candidates.slice(0, MAX_REFERENCES).map(([name]) => name);
  return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
