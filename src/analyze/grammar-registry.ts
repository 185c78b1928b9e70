/**
 * The edge of the analyze stage: resolves WASM grammars shipped inside npm packages and loads each at most once.
 * Nothing is downloaded; paths resolve through Node's module resolution so the code works from `dist/` and jest.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
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
  /** Compile for V8's baseline tier (Liftoff) only; see `compileModule`. */
  readonly baselineOnly?: true;
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
  kotlin: { wasm: `${WASMS}tree-sitter-kotlin.wasm`, rules: kotlinRules, baselineOnly: true },
  swift: { wasm: `${WASMS}tree-sitter-swift.wasm`, rules: swiftRules, baselineOnly: true },
  bash: { wasm: `${VSCODE}tree-sitter-bash.wasm`, rules: bashRules, baselineOnly: true },
};

/** Language ids (from `src/shared/languages.ts`) with a shipped grammar, sorted. */
export const SUPPORTED_LANGUAGES: readonly string[] = Object.keys(GRAMMARS).sort();

/** A parser ready for one language, with the rules the walkers need. */
export interface LoadedGrammar {
  readonly language: string;
  readonly parser: Parser;
  readonly rules: LanguageRules;
  /**
   * True when this load compiled the grammar with V8's `--liftoff-only` switched on for it (see `compileModule`): what
   * tests observe, since V8 offers no way to ask a module's tier.
   */
  readonly compiledBaselineOnly: boolean;
}

/** Whether the language's grammar is compiled for V8's baseline tier only (see `compileModule`). */
export function isBaselineOnly(language: string): boolean {
  return GRAMMARS[language]?.baselineOnly === true;
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
function loadCompiledSynchronously(bytes: Uint8Array, baselineOnly: boolean): Promise<CompiledGrammar> {
  const load = loadQueue.then(async (): Promise<CompiledGrammar> => {
    let switched = false;
    const wasm = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;
    const original = wasm.instantiate;
    const restore = (): void => {
      if (wasm.instantiate === compileFirst) wasm.instantiate = original;
    };
    const compileFirst: WebAssemblyApi['instantiate'] = (source, imports) => {
      restore();
      if (!ArrayBuffer.isView(source) && !(source instanceof ArrayBuffer)) return original.call(wasm, source, imports);
      const compiled = compileModule(wasm, source, baselineOnly);
      switched = compiled.switched;
      const module = compiled.module;
      return original.call(wasm, module, imports).then((instance) => ({ module, instance }));
    };
    wasm.instantiate = compileFirst;
    try {
      const language = await Language.load(bytes);
      return { language, switchedToBaselineOnly: switched };
    } finally {
      restore();
    }
  });
  loadQueue = load.catch(() => undefined);
  return load;
}

/** V8's flag that keeps every function of a module compiled after it is set on the baseline tier. */
const LIFTOFF_ONLY = '--liftoff-only';

/**
 * Compiles synchronously; a `baselineOnly` grammar with V8's `--liftoff-only` set for this one call, so none of its
 * functions is ever tiered up to TurboFan (the tree-sitter runtime, which does most of a parse, still is). Swift's,
 * Bash's and Kotlin's lexers are single WASM functions of 400, 162 and 133 KB (C++ 106 KB; every other grammar's
 * largest is under 60 KB), and after a few files V8 tiers such a function up on a background thread, per thread
 * that parses. Parsing one file N times, CPU default → baseline-only (2 cores, load 4–6): Swift 4 KB ×50 11.2 →
 * 0.5 s, ×1,000 15.0 → 4.7 s (its tier-up alone took 11–17 s, `--trace-wasm-compilation-times`); Bash 14 KB ×20
 * 1.5 → 0.35 s, ×200 3.0 → 1.6 s, ×1,000 (14 MB) 6.7 → 8.3 s (whole process liftoff-only); Kotlin 10 KB ×100
 * 1.07 → 0.44 s, ×1,000 2.6 → 2.3 s, ×3,000 (29 MB) 8.1 → 7.0 s; C++ 4 KB ×300 1.16 → 0.70 s but ×3,000 5.6 →
 * 6.2 s, so C++ (large C++ trees are common) keeps TurboFan. The Swift tier-up also held a core through the pack,
 * delayed every asynchronous WASM compile behind it, and held the process's exit: a Flutter samples repository
 * (107 Swift files) packed in 24–28 s wall, 16–18 s CPU, and in 7–9 s, 5–6 s with these three baseline-only,
 * byte-identical. V8 reads the flag when a module is compiled, so setting it back at once keeps TurboFan for every
 * other grammar. A worker compiling at that instant may get a baseline-only module too: slower, never different.
 * Skipped when the process already runs with the flag, so it is not switched off.
 */
function compileModule(wasm: WebAssemblyApi, source: ArrayBufferView | ArrayBuffer, baselineOnly: boolean): CompiledModule {
  if (!baselineOnly || process.execArgv.includes(LIFTOFF_ONLY)) return { module: new wasm.Module(source), switched: false };
  setFlagsFromString(LIFTOFF_ONLY);
  try {
    return { module: new wasm.Module(source), switched: true };
  } finally {
    setFlagsFromString('--no-liftoff-only');
  }
}

interface CompiledModule {
  readonly module: object;
  /** Whether `--liftoff-only` was switched on for this compile (not when the whole process already runs with it). */
  readonly switched: boolean;
}

interface CompiledGrammar {
  readonly language: Language;
  readonly switchedToBaselineOnly: boolean;
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
    const compiled = await loadCompiledSynchronously(bytes, source.baselineOnly === true);
    const parser = new Parser();
    parser.setLanguage(compiled.language);
    return { language, parser, rules: source.rules(), compiledBaselineOnly: compiled.switchedToBaselineOnly };
  }

  dispose(): void {
    for (const pending of this.loading.values()) {
      pending.then((grammar) => grammar.parser.delete()).catch(() => undefined);
    }
    this.loading.clear();
  }
}
