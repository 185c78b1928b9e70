/**
 * analyze: a source file in → its syntax facts (definitions, imports, references) and the tree-sitter based
 * representations (`stripped`, `skeleton`, `outline`). Grammars are WASM files shipped inside npm packages and load
 * lazily, once per language; each tree is freed after use.
 */
import type { SourceFile } from '../shared/types.js';

export type DefinitionKind =
  | 'function'
  | 'method'
  | 'class'
  | 'interface'
  | 'type'
  | 'enum'
  | 'struct'
  | 'trait'
  | 'impl'
  | 'module'
  | 'constant'
  | 'variable'
  | 'field'
  | 'property'
  | 'macro';

export interface Definition {
  readonly name: string;
  readonly kind: DefinitionKind;
  /** 1-based, inclusive. */
  readonly startLine: number;
  readonly endLine: number;
  readonly isExported: boolean;
  /** Name of the enclosing definition (class, impl, namespace), if any. */
  readonly parent?: string;
}

/** What tree-sitter tells about one file. Representations are absent when they would not be smaller or valid. */
export interface FileSyntax {
  readonly language: string;
  readonly definitions: readonly Definition[];
  /** Raw import specifiers as written (`./util`, `os.path`, `github.com/x/y`, `"foo.h"`). */
  readonly imports: readonly string[];
  /** Distinct identifiers used in the file (not the ones it defines), for the reference graph. */
  readonly references: readonly string[];
  /** Comments removed by syntax node (doc comments and docstrings kept), blank-line runs collapsed. */
  readonly stripped?: string;
  /** Declarations and signatures with bodies elided; still parses without errors. */
  readonly skeleton?: { readonly text: string; readonly elidedLines: number };
  /** One line per definition, nested by scope, with line numbers. */
  readonly outline?: string;
}

export interface SyntaxAnalyzer {
  /** True when a grammar ships for this language id (see `src/shared/languages.ts`). */
  supports(language: string | undefined): boolean;
  /** Facts and representations, or a failure reason (parse error, too large, minified); never throws for a file. */
  analyze(file: SourceFile): Promise<FileSyntax | { readonly failure: string }>;
  /** Free every loaded parser. */
  dispose(): void;
}

export declare function createSyntaxAnalyzer(): Promise<SyntaxAnalyzer>;
