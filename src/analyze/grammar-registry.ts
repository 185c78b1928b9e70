/**
 * The edge of the analyze stage: resolves WASM grammars shipped inside npm packages and loads each at most once.
 * Nothing is downloaded; paths resolve through Node's module resolution so the code works from `dist/` and jest.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Language, Parser } from 'web-tree-sitter';
import type { LanguageRules } from './language-rules.js';
import { ecmascriptRules } from './rules-ecmascript.js';
import { pythonRules } from './rules-python.js';
import { goRules } from './rules-go.js';
import { rustRules } from './rules-rust.js';
import { javaRules, kotlinRules } from './rules-jvm.js';
import { cRules, cppRules, csharpRules } from './rules-c-family.js';
import { bashRules, phpRules, rubyRules } from './rules-scripting.js';
import { swiftRules } from './rules-swift.js';

/**
 * `@vscode/tree-sitter-wasm` carries newer grammars and loads in every web-tree-sitter release; `tree-sitter-wasms`
 * fills the gaps (C, Kotlin, Swift) and needs web-tree-sitter pinned at 0.25.10 (ABI 13–14).
 */
const VSCODE = '@vscode/tree-sitter-wasm/wasm/';
const WASMS = 'tree-sitter-wasms/out/';

interface GrammarSource {
  readonly wasm: string;
  readonly rules: () => LanguageRules;
}

const GRAMMARS: Readonly<Record<string, GrammarSource>> = {
  typescript: { wasm: `${VSCODE}tree-sitter-typescript.wasm`, rules: ecmascriptRules },
  tsx: { wasm: `${VSCODE}tree-sitter-tsx.wasm`, rules: ecmascriptRules },
  javascript: { wasm: `${VSCODE}tree-sitter-javascript.wasm`, rules: ecmascriptRules },
  python: { wasm: `${VSCODE}tree-sitter-python.wasm`, rules: pythonRules },
  go: { wasm: `${VSCODE}tree-sitter-go.wasm`, rules: goRules },
  rust: { wasm: `${VSCODE}tree-sitter-rust.wasm`, rules: rustRules },
  java: { wasm: `${VSCODE}tree-sitter-java.wasm`, rules: javaRules },
  c: { wasm: `${WASMS}tree-sitter-c.wasm`, rules: cRules },
  cpp: { wasm: `${VSCODE}tree-sitter-cpp.wasm`, rules: cppRules },
  csharp: { wasm: `${VSCODE}tree-sitter-c-sharp.wasm`, rules: csharpRules },
  ruby: { wasm: `${VSCODE}tree-sitter-ruby.wasm`, rules: rubyRules },
  php: { wasm: `${VSCODE}tree-sitter-php.wasm`, rules: phpRules },
  kotlin: { wasm: `${WASMS}tree-sitter-kotlin.wasm`, rules: kotlinRules },
  swift: { wasm: `${WASMS}tree-sitter-swift.wasm`, rules: swiftRules },
  bash: { wasm: `${VSCODE}tree-sitter-bash.wasm`, rules: bashRules },
};

/** Language ids (from `src/shared/languages.ts`) with a shipped grammar, sorted. */
export const SUPPORTED_LANGUAGES: readonly string[] = Object.keys(GRAMMARS).sort();

/** A parser ready for one language, with the rules the walkers need. */
export interface LoadedGrammar {
  readonly language: string;
  readonly parser: Parser;
  readonly rules: LanguageRules;
}

export function hasGrammar(language: string | undefined): language is string {
  return language !== undefined && Object.hasOwn(GRAMMARS, language);
}

let runtimeReady: Promise<void> | undefined;

/** Loads run one at a time so the compile override below is in place for exactly one `Language.load`. */
let loadQueue: Promise<unknown> = Promise.resolve();

/**
 * `Language.load` compiles the grammar with the asynchronous `WebAssembly.instantiate`. V8 runs that compile on the
 * same background workers that tier hot WASM functions up to optimised code, and queues it behind them: after a
 * parse with a grammar whose lexer is huge (Swift), loading Bash waited 7–78 s (liftoff-only: 24 ms), while the
 * synchronous `new WebAssembly.Module` of the same bytes took 66 ms. So, for the one call, `WebAssembly.instantiate`
 * compiles synchronously (lazily, with Liftoff, which is quick) and only instantiates afterwards; web-tree-sitter has
 * no way to hand it a compiled module. The override is removed as soon as it has been used or the load settles.
 */
function loadCompiledSynchronously(bytes: Uint8Array): Promise<Language> {
  const load = loadQueue.then(async () => {
    const wasm = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;
    const original = wasm.instantiate;
    const restore = (): void => {
      if (wasm.instantiate === compileFirst) wasm.instantiate = original;
    };
    const compileFirst: WebAssemblyApi['instantiate'] = (source, imports) => {
      restore();
      if (!ArrayBuffer.isView(source) && !(source instanceof ArrayBuffer)) return original.call(wasm, source, imports);
      const module = new wasm.Module(source);
      return original.call(wasm, module, imports).then((instance) => ({ module, instance }));
    };
    wasm.instantiate = compileFirst;
    try {
      return await Language.load(bytes);
    } finally {
      restore();
    }
  });
  loadQueue = load.catch(() => undefined);
  return load;
}

/** The two members of the global `WebAssembly` used above (the DOM typings that declare it are not loaded). */
interface WebAssemblyApi {
  instantiate(source: unknown, imports?: unknown): Promise<unknown>;
  Module: new (bytes: ArrayBufferView | ArrayBuffer) => object;
}

/** Loads grammars lazily, once per language, and frees every parser on `dispose`. */
export class GrammarRegistry {
  private readonly loading = new Map<string, Promise<LoadedGrammar>>();
  private readonly require = createRequire(import.meta.url);

  /** The grammar for `language`; rejects when the WASM file is missing or fails to load. */
  load(language: string): Promise<LoadedGrammar> {
    const existing = this.loading.get(language);
    if (existing) return existing;
    const started = this.instantiate(language);
    this.loading.set(language, started);
    return started;
  }

  private async instantiate(language: string): Promise<LoadedGrammar> {
    const source = GRAMMARS[language];
    if (!source) throw new Error(`no grammar for language "${language}"`);
    runtimeReady ??= Parser.init();
    await runtimeReady;
    const bytes = await readFile(this.require.resolve(source.wasm));
    const grammar = await loadCompiledSynchronously(bytes);
    const parser = new Parser();
    parser.setLanguage(grammar);
    return { language, parser, rules: source.rules() };
  }

  dispose(): void {
    for (const pending of this.loading.values()) {
      pending.then((grammar) => grammar.parser.delete()).catch(() => undefined);
    }
    this.loading.clear();
  }
}
