/** Shared setup for the collect tests: a `collectFiles` call with defaults and git isolated from this machine. */
import { type CollectOptions, collectFiles } from '../../src/collect/index.js';
import type { Collection } from '../../src/shared/types.js';

/** Generous default limit so only tests about size ever hit it. */
export const TEST_MAX_FILE_BYTES = 1_000_000;

/** `collectFiles` on `root` with empty globs and the test limit, overridable per test. */
export function collect(root: string, overrides: Partial<Omit<CollectOptions, 'root'>> = {}): Promise<Collection> {
  return collectFiles({ root, include: [], ignore: [], maxFileBytes: TEST_MAX_FILE_BYTES, ...overrides });
}

/**
 * Makes git run by `collectFiles` ignore global and system configuration (a developer's global excludes file would
 * otherwise change what git lists). Call at the top of a test file.
 */
export function isolateGitConfig(): void {
  const saved = { global: process.env.GIT_CONFIG_GLOBAL, system: process.env.GIT_CONFIG_NOSYSTEM };
  beforeAll(() => {
    process.env.GIT_CONFIG_GLOBAL = '/dev/null';
    process.env.GIT_CONFIG_NOSYSTEM = '1';
  });
  afterAll(() => {
    restore('GIT_CONFIG_GLOBAL', saved.global);
    restore('GIT_CONFIG_NOSYSTEM', saved.system);
  });
}

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

/** Paths of the collected files, in collection order. */
export function filePaths(collection: Collection): string[] {
  return collection.files.map((file) => file.path);
}

/** `path: reason` for each skipped file, in collection order. */
export function skipSummary(collection: Collection): string[] {
  return collection.skipped.map((entry) => `${entry.path}: ${entry.reason}`);
}

/** Code-unit sort, the order collect promises. */
export function sortedByCodeUnit(paths: readonly string[]): string[] {
  return [...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
