/**
 * Tree-sitter analysis as pack asks for it: one analyzer (through the cache, so a warm run parses nothing) kept open
 * across batches, so a pack that parses in rounds (see pack-lazy-syntax.ts) loads each grammar once.
 */
import type { FileSyntax, SyntaxAnalyzer } from './analyze/index.js';
import type { PackCache } from './cache/index.js';
import { cachingAnalyzer } from './pack-cache.js';
import type { PackEnv } from './pack-env.js';
import type { RepresentationCheck, SyntaxChecker } from './pack-shown-checks.js';
import type { SourceFile } from './shared/types.js';

/** An open analyzer: batches of files in, syntax by path out; it checks representations as a `SyntaxChecker`. */
export interface SyntaxBatches extends SyntaxChecker {
  /** Whether a grammar ships for the language. */
  supports(language: string | undefined): boolean;
  /**
   * Say which files may be parsed later, so worker threads can start and load their grammars while the first fit
   * runs (the analyzer decides whether that pays; see `CutoverAnalyzer.prewarm`).
   */
  prewarm(files: readonly SourceFile[]): void;
  /** Facts for each supported file of the batch that parsed; failures become warnings, never errors. */
  analyze(files: readonly SourceFile[]): Promise<Map<string, FileSyntax>>;
  /** For each text, whether it parses cleanly in its language (remembered in the cache); see pack-shown-checks.ts. */
  verify(checks: readonly RepresentationCheck[]): Promise<readonly boolean[]>;
  /** Free the parsers and worker threads; the run-wide worker warnings are pushed now. */
  dispose(): void;
}

/** Opens the env's analyzer, or undefined (with a warning when tree-sitter failed to load) when there is none. */
export async function openSyntaxBatches(
  env: PackEnv & { readonly cache: PackCache | undefined },
  warnings: string[],
): Promise<SyntaxBatches | undefined> {
  if (!env.createSyntaxAnalyzer) return undefined;
  const workerWarnings: string[] = [];
  let raw: SyntaxAnalyzer;
  try {
    raw = await env.createSyntaxAnalyzer({ onWarning: (message) => workerWarnings.push(message) });
  } catch (error) {
    warnings.push(`tree-sitter unavailable, using text levels only: ${(error as Error).message}`);
    return undefined;
  }
  const analyzer = cachingAnalyzer(withVerify(raw), env.cache);
  return {
    supports: (language) => analyzer.supports(language),
    prewarm(files) {
      if (!raw.prewarm) return;
      const expected = new Map<string | undefined, number>();
      for (const { language } of files) if (analyzer.supports(language)) expected.set(language, (expected.get(language) ?? 0) + 1);
      raw.prewarm(expected);
    },
    analyze: (files) => analyzeBatch(analyzer, files, { env, warnings }),
    verify: (checks) =>
      Promise.all(checks.map(({ language, text }) => (language === undefined ? false : analyzer.verify!(language, text)))),
    dispose() {
      analyzer.dispose();
      warnings.push(...workerWarnings);
    },
  };
}

/**
 * The analyzer with a `verify`: its own, or an in-process analyzer's opened on the first check (an embedder's analyzer
 * may not have one, and its unchecked representations must still be checked before they are shown).
 */
function withVerify(analyzer: SyntaxAnalyzer): SyntaxAnalyzer {
  if (analyzer.verify) return analyzer;
  let checker: Promise<SyntaxAnalyzer> | undefined;
  return {
    supports: (language) => analyzer.supports(language),
    analyze: (file) => analyzer.analyze(file),
    async verify(language, text) {
      checker ??= import('./analyze/index.js').then((analyze) => analyze.createSyntaxAnalyzer());
      return (await checker).verify!(language, text);
    },
    dispose() {
      analyzer.dispose();
      void checker?.then((opened) => opened.dispose());
    },
  };
}

async function analyzeBatch(
  analyzer: SyntaxAnalyzer,
  files: readonly SourceFile[],
  context: { readonly env: PackEnv; readonly warnings: string[] },
): Promise<Map<string, FileSyntax>> {
  const result = new Map<string, FileSyntax>();
  const supported = files.filter((file) => analyzer.supports(file.language));
  let done = 0;
  // Asked for all at once, so a large batch of cache misses can go to worker threads; read back in the given order.
  const syntaxes = await Promise.all(
    supported.map((file) =>
      analyzer.analyze(file).then((syntax) => {
        context.env.onProgress?.({ phase: 'analyze', done: ++done, total: supported.length });
        return syntax;
      }),
    ),
  );
  supported.forEach((file, index) => {
    const syntax = syntaxes[index]!;
    if ('failure' in syntax) context.warnings.push(`${file.path}: no skeleton (${syntax.failure})`);
    else result.set(file.path, syntax);
  });
  return result;
}
