/**
 * Re-runs near-instant: the same options on an unchanged tree give the same bytes (packing is deterministic), so the
 * whole result is kept under a key made of the options, HEAD and a metadata stamp of every listed file. A hit costs a
 * listing and one `lstat` per file; nothing is read, parsed or counted.
 *
 * Only packs of one work-tree root without diffs use it: a diff or the index depends on git state the stamp does not
 * cover (snapshot has its own index key). A result is only stored when no file changed in the last RACY_WINDOW_MS,
 * so a write landing in the same clock tick as the stamp can never be served stale.
 */
import { resolve } from 'node:path';
import { listTree, type ListedTree, stampListedTree } from './collect/index.js';
import { createGitRunner, readHead } from './git/index.js';
import type { PackEnv } from './pack-env.js';
import { collectOptionsFor } from './pack-inputs.js';
import type { PackOptions } from './pack-options.js';
import type { PackResult, PlanEntry } from './shared/types.js';
import { loadTokenizer } from './tokenize/index.js';

/** Bump when the stored shape or the key changes. */
const RESULT_FORMAT = 1;
/**
 * A file changed this recently makes the stamp untrustworthy: file systems record times at a clock tick (a few ms on
 * Linux, 2 s on FAT), and a second write within the tick of the first leaves the metadata as it was.
 */
export const RACY_WINDOW_MS = 2_000;
/**
 * Which options go into the key: every one that changes the bundle. Typed over every option, so a new option does
 * not compile until it is decided here. The root goes in resolved; the cache options change where, not what.
 */
const KEYED_OPTIONS: { readonly [Name in keyof Required<PackOptions>]: boolean } = {
  root: false,
  budget: true,
  style: true,
  tokenizer: true,
  include: true,
  ignore: true,
  maxFileBytes: true,
  compress: true,
  focus: true,
  seeds: true,
  order: true,
  diff: true,
  logCount: true,
  source: true,
  secrets: true,
  model: true,
  reserve: true,
  overrides: true,
  cache: false,
  cacheDirectory: false,
  headerText: true,
  instructions: true,
  lineNumbers: true,
  tree: true,
  split: true,
  paths: true,
  roots: true,
  // The eager parse should give the same bundle, but "should" is not a key.
  eagerSyntax: true,
};

/** A lookup: the earlier result on a hit; otherwise the listing to reuse and a way to store the fresh result. */
export interface ResultLookup {
  readonly result?: PackResult;
  readonly listed?: ListedTree;
  /** Keep a freshly packed result for the next run; returns a warning when it could not be written. */
  store(result: PackResult): string | undefined;
}

const NO_LOOKUP: ResultLookup = { store: () => undefined };

/** Look the pack up; `now` is the clock in milliseconds (for tests). */
export async function lookUpResult(options: PackOptions, env: PackEnv, now: () => number = Date.now): Promise<ResultLookup> {
  // A custom tokenizer loader (a test's counting wrapper, an embedder's own vocabulary) is not part of any key.
  if (!usesResultCache(options) || env.loadTokenizer !== loadTokenizer) return NO_LOOKUP;
  const results = env.openCache?.(options.cacheDirectory)?.results;
  if (results === undefined) return NO_LOOKUP;
  const startedMs = now();
  const listed = await listTree(collectOptionsFor(options));
  const stamp = stampListedTree(listed);
  const key = JSON.stringify({
    format: RESULT_FORMAT,
    root: resolve(options.root),
    head: await headOf(options.root),
    tree: stamp.digest,
    options: canonicalOptions(options),
    // Without tree-sitter (an embedder's choice, `npm run eval --no-syntax`) the same options pack differently.
    syntax: env.createSyntaxAnalyzer !== undefined,
  });
  const stored = results.get(key);
  if (stored !== undefined) {
    const result = parseResult(stored);
    if (result !== undefined) return { result, listed, store: () => undefined };
  }
  const settled = stamp.newestChangeMs < startedMs - RACY_WINDOW_MS;
  return { listed, store: (result) => (settled ? results.set(key, JSON.stringify(serialisable(result))) : undefined) };
}

function usesResultCache(options: PackOptions): boolean {
  return (
    options.cache !== false &&
    options.diff === undefined &&
    (options.source === undefined || options.source === 'worktree') &&
    (options.roots === undefined || options.roots.length < 2)
  );
}

/** HEAD's hash ('' without git or commits): the history signal ranks by it. */
async function headOf(root: string): Promise<string> {
  try {
    return (await readHead(createGitRunner(resolve(root)))) ?? '';
  } catch {
    return '';
  }
}

/** The keyed options as a value with sorted keys (callers may pass objects with more fields than PackOptions). */
function canonicalOptions(options: PackOptions): unknown {
  const sorted = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sorted);
    if (value === null || typeof value !== 'object') return value;
    const entries = Object.entries(value as Record<string, unknown>).filter(([, field]) => field !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([name, field]) => [name, sorted(field)]));
  };
  const keyed = Object.entries(options).filter(([name]) => KEYED_OPTIONS[name as keyof PackOptions] === true);
  return sorted(Object.fromEntries(keyed));
}

/** Plan variants may carry their text as a lazy, non-enumerable property: write it out. */
function serialisable(result: PackResult): PackResult {
  const entries = result.report.plan.entries.map((entry): PlanEntry => {
    const { variant } = entry;
    return variant.level === 'path' ? entry : { ...entry, variant: { ...variant, text: variant.text } };
  });
  return { ...result, report: { ...result.report, plan: { ...result.report.plan, entries } } };
}

function parseResult(stored: string): PackResult | undefined {
  try {
    const parsed = JSON.parse(stored) as PackResult;
    return typeof parsed.bundle === 'string' && typeof parsed.report === 'object' ? parsed : undefined;
  } catch {
    return undefined;
  }
}
