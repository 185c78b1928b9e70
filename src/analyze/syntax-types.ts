/** Records produced by the analyze stage; re-exported by `index.ts`. */

/** What a definition is, across languages (a Rust `impl` block, a Go `struct`, a Ruby `module`, …). */
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

/** One named declaration found in a file. */
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

/**
 * What tree-sitter tells about one file. Representations are absent when they would not be smaller; `stripped` and
 * `skeleton` are built without re-parsing them (see `representationsUnchecked`).
 */
export interface FileSyntax {
  readonly language: string;
  readonly definitions: readonly Definition[];
  /** Raw import specifiers as written (`./util`, `os.path`, `github.com/x/y`, `"foo.h"`). */
  readonly imports: readonly string[];
  /** Distinct identifiers used in the file (not the ones it defines), for the reference graph. */
  readonly references: readonly string[];
  /** True when the original parse had ERROR or MISSING nodes (facts are best effort then). */
  readonly hasParseErrors?: boolean;
  /** Comments removed by syntax node (doc comments and docstrings kept), blank-line runs collapsed. */
  readonly stripped?: string;
  /** Declarations and signatures with bodies elided; offered when shorter than the source and than `stripped`. */
  readonly skeleton?: { readonly text: string; readonly elidedLines: number };
  /**
   * True when `stripped` and `skeleton` were not re-parsed: either may hold an ERROR or MISSING node. Whoever shows
   * one checks it first (`SyntaxAnalyzer.verify`; pack checks only what its final plan shows) and drops it if not.
   */
  readonly representationsUnchecked?: true;
  /** One line per definition, nested by scope, with line numbers. */
  readonly outline?: string;
}

/** Why a file got no syntax facts; the file falls back to text levels. */
export type SyntaxFailureReason = 'unsupported-language' | 'too-large' | 'minified' | 'parse-failed';

/** A file tree-sitter could not help with, as data. */
export interface SyntaxFailure {
  readonly failure: SyntaxFailureReason;
  /** Extra context, e.g. `1.4 MB > 1 MB`. */
  readonly detail?: string;
}
