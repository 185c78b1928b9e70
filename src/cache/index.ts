/**
 * cache (edge): a directory in → a `PackCache` that keeps JSON values by content hash across runs.
 *
 * Values are keyed by a hash of the text they were computed from; each namespace file also carries a fingerprint of
 * our code and dependency pins, so a cache written by another build is ignored and replaced, never trusted. Writes
 * are atomic (temporary file + rename) and bounded in size; a corrupt file reads as empty and is rewritten. A cache
 * that cannot be read or written never fails a run: `flush` reports it as a warning.
 */
import { hash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CacheStore } from './cache-store.js';
import { codeFingerprint } from './code-fingerprint.js';
import { openResultStore, type ResultStore } from './result-store.js';

export { defaultCacheDirectory, type CacheLocationInput } from './cache-directory.js';
export { MAX_RESULT_FILES, type ResultStore } from './result-store.js';

/** Cached values across runs. Values must survive `JSON.stringify`/`JSON.parse` unchanged. */
export interface PackCache {
  /** The value stored under `key` in `namespace`, or undefined. */
  get(namespace: string, key: string): unknown;
  set(namespace: string, key: string, value: unknown): void;
  /** Write what this run added. Never throws: trouble comes back as warnings. */
  flush(): Promise<readonly string[]>;
  /** Whole pack results by key (see pack-result-cache); absent in caches that do not keep them. */
  readonly results?: ResultStore;
}

/**
 * Serialised size cap of one namespace. The largest we measured, the analysis results of the ~1M tokens of files a
 * 256k pack of a 57k-file repository parses, was ~40 MB; 128 MiB leaves room for a few repositories before the
 * least recently used entries go.
 */
export const MAX_NAMESPACE_BYTES = 128 * 1024 * 1024;

/** Namespace names become file names. */
const NAMESPACE_NAME = /^[a-z0-9][a-z0-9-]*$/;

export interface CacheOptions {
  /** Directory of the cache files; created on the first write. */
  readonly directory: string;
  readonly maxNamespaceBytes?: number;
  /** Seconds since the epoch (entry stamps for pruning); defaults to the system clock. */
  readonly now?: () => number;
  /** Overrides the code fingerprint (tests simulate another build with it). */
  readonly fingerprint?: string;
}

/** Open (lazily: nothing is read before the first `get`) the cache in `options.directory`. */
export function openCache(options: CacheOptions): PackCache {
  const stores = new Map<string, CacheStore>();
  const fingerprint = options.fingerprint ?? codeFingerprint();
  const store = (namespace: string): CacheStore => {
    let found = stores.get(namespace);
    if (found) return found;
    if (!NAMESPACE_NAME.test(namespace)) throw new Error(`cache namespace ${JSON.stringify(namespace)} is not a plain name`);
    found = new CacheStore({
      path: join(options.directory, `${namespace}.json`),
      fingerprint,
      maxBytes: options.maxNamespaceBytes ?? MAX_NAMESPACE_BYTES,
      now: options.now ?? (() => Math.floor(Date.now() / 1000)),
    });
    stores.set(namespace, found);
    return found;
  };
  return {
    results: openResultStore(join(options.directory, 'results'), fingerprint),
    get: (namespace, key) => store(namespace).get(key),
    set: (namespace, key, value) => store(namespace).set(key, value),
    async flush() {
      const warnings: string[] = [];
      for (const [namespace, found] of stores) {
        try {
          mkdirSync(options.directory, { recursive: true });
          found.flush();
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
          warnings.push(`cache not written (${namespace} in ${options.directory}: ${code}); use --cache-dir or --no-cache`);
        }
      }
      return warnings;
    },
  };
}

/** The cache key of a text: SHA-1 in base64url (27 characters); collisions are not a concern for cache keys. */
export function hashText(text: string): string {
  // One-shot `hash` (Node ≥ 20.12): same digest as createHash().update().digest(), without the Hash object, which cost
  // about a third of hashing time on test262's 57k files (warm runs hash every file and every counted text).
  return hash('sha1', text, 'base64url');
}
