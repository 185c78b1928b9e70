/**
 * The cache as pack uses it: exact token counts by text hash, tree-sitter results by file hash (representations
 * unchecked), verdicts of the representation check by text hash, and the shape of each file's variants (levels,
 * estimates, notes — no text) by file hash. A warm run then parses nothing and builds the
 * text of a compressed variant only when a plan shows it. Without a cache every function here is the plain path.
 */
import type { FileSyntax, SyntaxAnalyzer, SyntaxFailure } from './analyze/index.js';
import { hashText, type PackCache } from './cache/index.js';
import { buildVariants, type TokenCount, type VariantInput } from './represent/index.js';
import type { Tokenizer } from './shared/tokenizer.js';
import { screenSecrets, type ScreenedCollection, type SecretsMode } from './redact/index.js';
import type { Collection, SourceFile, Variant } from './shared/types.js';

/**
 * Texts shorter than this are counted rather than looked up. Measured on fastapi (3.1k files, 256k): with 512 a warm
 * run still spent 1.2 s counting short docs and section wrappers; hashing a 100-character text costs ~2 µs against
 * ~20 µs to count it, so only the shortest texts are not worth a map entry.
 */
const MIN_CACHED_COUNT_CHARS = 32;

const fileHashes = new WeakMap<SourceFile, string>();

/** The content hash of a file's (decoded, redacted) text, computed once per file object. */
function fileHash(file: SourceFile): string {
  let hash = fileHashes.get(file);
  if (hash === undefined) {
    hash = hashText(file.text);
    fileHashes.set(file, hash);
  }
  return hash;
}

/** A tokenizer whose counts of long texts are remembered across runs (exact either way). */
export function cachingTokenizer(tokenizer: Tokenizer, cache: PackCache | undefined): Tokenizer {
  if (!cache) return tokenizer;
  const namespace = `tokens-${tokenizer.name}`;
  return {
    name: tokenizer.name,
    ...(tokenizer.additiveAtLineStarts === true ? { additiveAtLineStarts: true } : {}),
    count(text: string): number {
      if (text.length < MIN_CACHED_COUNT_CHARS) return tokenizer.count(text);
      const key = hashText(text);
      const known = cache.get(namespace, key);
      if (typeof known === 'number') return known;
      const counted = tokenizer.count(text);
      cache.set(namespace, key, counted);
      return counted;
    },
  };
}

/** An analyzer that answers from the cache when it has seen the same text in the same language. */
export function cachingAnalyzer(analyzer: SyntaxAnalyzer, cache: PackCache | undefined): SyntaxAnalyzer {
  if (!cache) return analyzer;
  return {
    supports: (language) => analyzer.supports(language),
    async analyze(file: SourceFile): Promise<FileSyntax | SyntaxFailure> {
      const key = `${fileHash(file)}|${file.language ?? ''}`;
      const known = cache.get('syntax', key);
      if (typeof known === 'object' && known !== null) return known as FileSyntax | SyntaxFailure;
      const result = await analyzer.analyze(file);
      cache.set('syntax', key, result);
      return result;
    },
    ...(analyzer.verify ? { verify: cachedVerdicts(analyzer.verify.bind(analyzer), cache) } : {}),
    dispose: () => analyzer.dispose(),
  };
}

/**
 * `verify` that remembers its verdicts by the text's hash and language: cached syntax is unchecked, and a warm run
 * whose plan changed (a file edited, another budget) re-parses only representations no earlier run checked.
 */
function cachedVerdicts(
  verify: (language: string, text: string) => Promise<boolean>,
  cache: PackCache,
): (language: string, text: string) => Promise<boolean> {
  return async (language, text) => {
    const key = `${hashText(text)}|${language}`;
    const known = cache.get('valid', key);
    if (typeof known === 'boolean') return known;
    const verdict = await verify(language, text);
    cache.set('valid', key, verdict);
    return verdict;
  };
}

/**
 * A variant as cached: level, estimated tokens, note, and 1 when it is `unverified` (0 when not); the text is rebuilt
 * when asked for.
 */
type Sketch = [level: Variant['level'], tokens: number, note: string | null, unverified: 0 | 1];

/**
 * `buildVariants` through the cache. On a hit the variants carry their text as a lazy, non-enumerable property: `full` is the file's text, any other level rebuilds the file's variants once (same input, same code — the
 * cache fingerprint covers our modules — so the same variants). `namespace` separates estimators (one per tokenizer).
 */
export function variantsWithCache(
  input: VariantInput,
  estimate: TokenCount,
  cache: { readonly cache: PackCache | undefined; readonly namespace: string },
): Variant[] {
  if (!cache.cache) return buildVariants(input, estimate);
  const { file } = input;
  const key = `${fileHash(file)}|${file.path}|${file.language ?? ''}|${file.kind}|${input.syntax ? 'syntax' : 'text'}`;
  const stored = { cache: cache.cache, key: `${cache.namespace}|${key}` };
  const known = cache.cache.get(cache.namespace, key);
  if (isSketchList(known)) return lazyVariants(known, input, estimate, stored);
  const variants = buildVariants(input, estimate);
  // Dropping the built texts here (returning lazy variants on a miss too) did not lower test262's ~1.1 GB peak; keep them.
  cache.cache.set(cache.namespace, key, variants.map(toSketch));
  return variants;
}

function toSketch(variant: Variant): Sketch {
  if (variant.level === 'path') return [variant.level, variant.tokens, null, 0];
  return [variant.level, variant.tokens, variant.note ?? null, variant.unverified === true ? 1 : 0];
}

function isSketchList(value: unknown): value is Sketch[] {
  return Array.isArray(value) && value.length > 0 && value.every((item) => Array.isArray(item) && item.length === 4);
}

function lazyVariants(
  sketches: readonly Sketch[],
  input: VariantInput,
  estimate: TokenCount,
  stored: { readonly cache: PackCache; readonly key: string } | undefined,
): Variant[] {
  let rebuilt: Variant[] | undefined;
  const textAt = (index: number, level: Variant['level']): string => {
    // The texts a plan showed are kept too: the next run's plan is most likely the same one.
    const textKey = `${stored?.key}|${index}`;
    const known = stored?.cache.get('variant-texts', textKey);
    if (typeof known === 'string') return known;
    rebuilt ??= buildVariants(input, estimate);
    const variant = rebuilt[index];
    if (variant === undefined || variant.level !== level || variant.level === 'path') {
      throw new Error(`cached variants of ${input.file.path} do not match a rebuild (${level} at ${index})`);
    }
    stored?.cache.set('variant-texts', textKey, variant.text);
    return variant.text;
  };
  return sketches.map(([level, tokens, note, unverified], index): Variant => {
    if (level === 'path') return { level, tokens: 0 };
    const variant = { level, tokens, ...(note === null ? {} : { note }), ...(unverified === 1 ? { unverified: true } : {}) };
    // Not enumerable: a spread (the pricer prices a wrapper with `{ ...variant, text: '' }`) must not build it.
    Object.defineProperty(variant, 'text', {
      get: level === 'full' ? () => input.file.text : () => textAt(index, level),
      enumerable: false,
    });
    return variant as Variant;
  });
}

/**
 * `screenSecrets` that skips files a previous run found clean (same text, same rules: the fingerprint covers them).
 * Only clean verdicts are cached, so the files with findings are screened again and report the same redactions.
 */
export function screenWithCache(collection: Collection, mode: SecretsMode, cache: PackCache | undefined): ScreenedCollection {
  if (!cache || mode === 'off') return screenSecrets(collection, mode);
  const isClean = (file: SourceFile) => cache.get('secrets-clean', fileHash(file)) === true;
  const unknown = collection.files.filter((file) => !isClean(file));
  if (unknown.length === 0) return { collection, redactions: [] };
  const screened = screenSecrets({ ...collection, files: unknown }, mode);
  const kept = new Map(screened.collection.files.map((file) => [file.path, file]));
  const foundIn = new Set(screened.redactions.map((redaction) => redaction.path));
  for (const file of unknown) if (!foundIn.has(file.path)) cache.set('secrets-clean', fileHash(file), true);
  // Back in collection order: known-clean files as they were, screened ones as screened (or gone when dropped).
  const screenedPaths = new Set(unknown.map((file) => file.path));
  const files = collection.files.flatMap((file) => (screenedPaths.has(file.path) ? (kept.get(file.path) ?? []) : [file]));
  return { collection: { ...screened.collection, files }, redactions: screened.redactions };
}
