/**
 * analyze: a source file in → its syntax facts (definitions, imports, references) and the tree-sitter based
 * representations (`stripped`, `skeleton`, `outline`). Grammars are WASM files shipped inside npm packages and load
 * lazily, once per language; each tree is freed after use. Per-file trouble (unsupported language, too large,
 * minified, no parse) comes back as a `{ failure }` record, never as an exception.
 */
import type { SourceFile } from '../shared/types.js';
import type { FileSyntax, SyntaxFailure } from './syntax-types.js';
import { TreeSitterAnalyzer } from './syntax-analyzer.js';
import { CutoverAnalyzer, type ParallelAnalysisOptions } from './syntax-worker-cutover.js';

export type {
  Definition,
  DefinitionKind,
  FileSyntax,
  SyntaxFailure,
  SyntaxFailureReason,
} from './syntax-types.js';
export { SUPPORTED_LANGUAGES } from './grammar-registry.js';
export { MAX_REFERENCES } from './syntax-analyzer.js';
export {
  PARALLEL_MIN_CHARS,
  PARALLEL_MIN_FILES,
  PREWARM_MIN_FILES,
  PREWARMED_MIN_CHARS,
  PREWARMED_MIN_FILES,
  type ParallelAnalysisOptions,
} from './syntax-worker-cutover.js';
export { MAX_PARSE_BYTES, MINIFIED_AVERAGE_LINE_CHARS } from './file-guards.js';
export { scanImports, IMPORT_SCAN_MAX_CHARS, type ImportKind, type ImportReference } from './import-scan.js';

export interface SyntaxAnalyzer {
  /** True when a grammar ships for this language id (see `src/shared/languages.ts`). */
  supports(language: string | undefined): boolean;
  /** Facts and representations, or a failure reason (parse error, too large, minified); never throws for a file. */
  analyze(file: SourceFile): Promise<FileSyntax | SyntaxFailure>;
  /** Free every loaded parser. */
  dispose(): void;
  /**
   * True when `text` parses in `language` with no ERROR or MISSING node: the check `FileSyntax.stripped`/`skeleton`
   * need before they are shown when `representationsUnchecked` is set. Absent: the caller checks another way.
   */
  verify?(language: string, text: string): Promise<boolean>;
  /**
   * Files that may be parsed soon, counted by language: an analyzer with worker threads may start them now. A hint
   * only: results never depend on it, and it is never waited for.
   */
  prewarm?(expected: ReadonlyMap<string | undefined, number>): void;
}

/** True when `analyze` returned a failure record rather than facts. */
export function isSyntaxFailure(result: FileSyntax | SyntaxFailure): result is SyntaxFailure {
  return 'failure' in result;
}

/**
 * The syntax with `stripped` and `skeleton` checked (`verify`): a representation that does not parse cleanly is
 * dropped, so what remains may be shown as is. For callers that show representations without pack's plan-level check.
 */
export async function checkedSyntax(
  syntax: FileSyntax,
  verify: (language: string, text: string) => Promise<boolean>,
): Promise<FileSyntax> {
  if (syntax.representationsUnchecked !== true) return syntax;
  const { representationsUnchecked: _unchecked, stripped, skeleton, ...rest } = syntax;
  const [isStrippedValid, isSkeletonValid] = await Promise.all([
    stripped === undefined ? false : verify(syntax.language, stripped),
    skeleton === undefined ? false : verify(syntax.language, skeleton.text),
  ]);
  return { ...rest, ...(isStrippedValid ? { stripped } : {}), ...(isSkeletonValid ? { skeleton } : {}) };
}

/** An analyzer with no grammar loaded yet; each language's grammar loads on its first file. */
export async function createSyntaxAnalyzer(): Promise<SyntaxAnalyzer> {
  return new TreeSitterAnalyzer();
}

/**
 * An analyzer that parses large batches (files asked for together, e.g. with `Promise.all`) on worker threads and
 * small ones in-process; results are the same records in the same order either way. See `syntax-worker-cutover.ts`.
 */
export async function createParallelSyntaxAnalyzer(options: ParallelAnalysisOptions = {}): Promise<SyntaxAnalyzer> {
  return new CutoverAnalyzer(options);
}
