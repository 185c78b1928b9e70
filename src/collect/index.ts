/**
 * collect: a root directory and filters in → the readable text files under it (decoded once) and the files set
 * aside with a reason. Inside a git work tree the file list is what `git ls-files --cached --others
 * --exclude-standard` shows; elsewhere the tree is walked honouring nested `.gitignore` and `.ignore` files. In both
 * cases nested `.repopackignore` files, the built-in defaults and the `include` / `ignore` globs apply on top.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, sep } from 'node:path';
import type { Collection, SkippedFile, SourceFile } from '../shared/types.js';
import { DEFAULT_IGNORE_PATTERNS } from './default-ignores.js';
import { type GitFileList, listGitFiles } from './git-file-list.js';
import { makeGlobFilter } from './glob-filter.js';
import { IgnoreLayers, REPOPACK_IGNORE_FILE_NAME } from './ignore-layers.js';
import { mapBounded } from './map-bounded.js';
import { createReadScratch, readCandidate, type ReadOutcome } from './read-candidate.js';
import { listIndexEntries, readIndexEntries } from './read-index.js';
import { collectLabelledRoots, labelRoots } from './multi-root.js';
import { errorCode, resolveRoot, toAbsolute } from './root-paths.js';
import { stampTree, type TreeStamp } from './tree-stamp.js';
import { walkTree } from './walk-tree.js';

export { DEFAULT_IGNORE_PATTERNS } from './default-ignores.js';
export { BINARY_EXTENSIONS } from './binary-extensions.js';
export { makeGlobFilter } from './glob-filter.js';
export { type TreeStamp } from './tree-stamp.js';
export { labelRoots, mergeRootHistories, refuseSeveralRoots, rootsName, type LabelledRoot } from './multi-root.js';

/** Where file contents come from: the work tree (default) or the git index (staged content, for snapshots). */
export type FileSource = 'worktree' | 'index';

/**
 * Files read at once. libuv runs 4 file-system calls in parallel by default, so 32 keeps its queue full while
 * bounding open handles and the bytes held before decoding.
 */
const READ_CONCURRENCY = 32;

/** Options of `collectFiles`. */
export interface CollectOptions {
  /** Absolute path of the directory to pack. */
  readonly root: string;
  /**
   * Globs (relative to root); when non-empty, only matching files are kept. A glob without a slash matches base
   * names at any depth (`*.ts`, `test`), one with a slash or a leading `./` is anchored at the root (`src/*.ts`,
   * `./docs`), and a glob matching a directory keeps everything below it. Dot files match wildcards.
   */
  readonly include: readonly string[];
  /** Extra globs to leave out, on top of .gitignore, .ignore, .repopackignore and the built-in defaults. Same syntax. */
  readonly ignore: readonly string[];
  /** Files larger than this are skipped with reason `too-large` before being read. */
  readonly maxFileBytes: number;
  /** `index` lists and reads what is staged (`git ls-files --stage`, `git cat-file --batch`); needs a work tree. */
  readonly source?: FileSource;
  /**
   * An explicit file list (`--stdin`): these paths, relative to the root (POSIX or `./`-prefixed; absolute ones inside
   * the root are accepted), replace git's list or the walk. Ignore files do not apply to them, the built-in defaults,
   * the root's `.repopackignore` and the globs do; a path that is not a file under the root is skipped as `not-found`.
   */
  readonly paths?: readonly string[];
  /**
   * Several directories packed as one (two or more; `root` is then ignored): each is collected on its own, with the
   * globs relative to it, and its paths are prefixed with its label (see `labelRoots`). Not with `paths` or `index`.
   */
  readonly roots?: readonly string[];
}

/** Candidate paths from git or the walker, before glob filtering and reading. */
interface Listing {
  readonly paths: readonly string[];
  readonly skipped: readonly SkippedFile[];
  readonly warnings: readonly string[];
  readonly isMissingSilent: boolean;
}

/**
 * Lists, filters and reads the files under `options.root`. `files` and `skipped` are each sorted by path (code-unit
 * order); per-file problems never throw. Throws `UsageError` when the root is missing or not a directory. `listed`,
 * from `listTree` with the same options, saves listing again.
 */
export async function collectFiles(options: CollectOptions, listed?: ListedTree): Promise<Collection> {
  if (options.roots !== undefined && options.roots.length > 1) {
    const { roots, ...single } = options;
    return collectLabelledRoots(labelRoots(roots), single, collectFiles);
  }
  if (options.source === 'index') return collectFromIndex((await resolveRoot(options.root)).root, options);
  const { root, realRoot, listing, paths, isSelected } = (listed ?? (await listTree(options))) as ListedTreeParts;
  const context = { root, realRoot, maxFileBytes: options.maxFileBytes, isMissingSilent: listing.isMissingSilent, scratch: createReadScratch() };
  const outcomes = await mapBounded(paths, READ_CONCURRENCY, (path) => readCandidate(context, path));
  return gatherOutcomes(listing, isSelected, options.paths === undefined ? outcomes : outcomes.map(asNotFound));
}

/**
 * The candidate paths of a single work-tree root, listed and filtered but not read: what `stampListedTree` stamps and
 * a later `collectFiles` with the same options reads (listing a large tree costs a second, so it is done once).
 */
export interface ListedTree {
  /** The candidate paths, sorted; opaque otherwise. */
  readonly paths: readonly string[];
}

interface ListedTreeParts extends ListedTree {
  readonly root: string;
  readonly realRoot: string;
  readonly listing: Listing;
  readonly isSelected: (path: string) => boolean;
}

/** List and filter the candidates of `options` (one work-tree root, no `source: 'index'`, no `roots`). */
export async function listTree(options: CollectOptions): Promise<ListedTree> {
  const { root, realRoot } = await resolveRoot(options.root);
  const listing = options.paths === undefined ? await listCandidates(root, realRoot) : await listExplicit(root, options.paths);
  const isSelected = makeGlobFilter(options);
  const paths = listing.paths.filter(isSelected).sort(compareCodeUnits);
  const listed: ListedTreeParts = { root, realRoot, listing, paths, isSelected };
  return listed;
}

/** `stampTree` over a listing made by `listTree`. */
export function stampListedTree(listed: ListedTree): TreeStamp {
  const { root, paths } = listed as ListedTreeParts;
  return stampTree(root, paths);
}

/**
 * The staged files: the index's entries minus ignore rules and globs, read from the object store. The root's
 * ignore files are read from the work tree (a `.repopackignore` is a personal file, often untracked).
 */
async function collectFromIndex(root: string, options: CollectOptions): Promise<Collection> {
  const layers = new IgnoreLayers();
  layers.add('', DEFAULT_IGNORE_PATTERNS);
  const entries = await listIndexEntries(root);
  const warnings = await loadRepopackIgnores(root, layers, entries.map((entry) => entry.path));
  const isSelected = makeGlobFilter(options);
  const chosen = entries
    .filter((entry) => !layers.isExcluded(entry.path) && isSelected(entry.path))
    .sort((a, b) => compareCodeUnits(a.path, b.path));
  const outcomes = await readIndexEntries(root, chosen, options.maxFileBytes);
  return gatherOutcomes({ paths: [], skipped: [], warnings, isMissingSilent: true }, isSelected, outcomes);
}

/** Files, skipped files (sorted by path) and warnings from the read outcomes. */
function gatherOutcomes(listing: Listing, isSelected: (path: string) => boolean, outcomes: readonly ReadOutcome[]): Collection {
  const files: SourceFile[] = [];
  const skipped = listing.skipped.filter((entry) => isSelected(entry.path));
  const warnings = [...listing.warnings];
  for (const outcome of outcomes) {
    if (outcome.kind === 'file') {
      files.push(outcome.file);
      if (outcome.warning !== undefined) warnings.push(outcome.warning);
    } else if (outcome.kind === 'skipped') {
      skipped.push(outcome.skipped);
    }
  }
  skipped.sort((a, b) => compareCodeUnits(a.path, b.path));
  return { files, skipped, warnings };
}

/** The `paths` option: normalised, deduplicated, minus the defaults and the root `.repopackignore`. */
async function listExplicit(root: string, given: readonly string[]): Promise<Listing> {
  const layers = new IgnoreLayers();
  layers.add('', DEFAULT_IGNORE_PATTERNS);
  const warnings = await loadRepopackIgnores(root, layers, []);
  const paths = new Set<string>();
  const skipped: SkippedFile[] = [];
  for (const raw of given) {
    const path = explicitPath(root, raw);
    if (path === undefined) skipped.push({ path: raw, reason: 'not-found', detail: 'outside the root' });
    else if (!layers.isExcluded(path)) paths.add(path);
  }
  return { paths: [...paths], skipped, warnings, isMissingSilent: false };
}

/** A listed path that does not exist was never there: `not-found`, not `vanished`. */
function asNotFound(outcome: ReadOutcome): ReadOutcome {
  if (outcome.kind !== 'skipped' || outcome.skipped.reason !== 'vanished') return outcome;
  return { kind: 'skipped', skipped: { path: outcome.skipped.path, reason: 'not-found', detail: 'no such file' } };
}

/** `./src/a.ts`, `src//a.ts` or `<root>/src/a.ts` → `src/a.ts`; undefined when the path leaves the root. */
function explicitPath(root: string, raw: string): string | undefined {
  const relativePath = isAbsolute(raw) ? relative(root, raw).split(sep).join('/') : raw;
  const segments: string[] = [];
  for (const segment of relativePath.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') return undefined;
    segments.push(segment);
  }
  return segments.length === 0 ? undefined : segments.join('/');
}

/** Git's list when the root is in a work tree, otherwise a walk of the file system; both minus ignore rules. */
async function listCandidates(root: string, realRoot: string): Promise<Listing> {
  const layers = new IgnoreLayers();
  layers.add('', DEFAULT_IGNORE_PATTERNS);
  const git = await listGitFiles(root);
  if (git.kind === 'listed') {
    const warnings = await loadRepopackIgnores(root, layers, git.paths);
    const paths = git.paths.filter((path) => !layers.isExcluded(path));
    return { paths, skipped: [], warnings, isMissingSilent: true };
  }
  const walked = await walkTree({ root, realRoot, layers });
  return { ...walked, warnings: [walkReason(git), ...walked.warnings], isMissingSilent: false };
}

function walkReason(git: Exclude<GitFileList, { kind: 'listed' }>): string {
  switch (git.kind) {
    case 'not-a-repository':
      return 'not a git repository: walked the file system';
    case 'ignored-root':
      return 'the root is ignored by git: walked the file system';
    case 'git-missing':
      return 'git not found on PATH: walked the file system';
    case 'failed':
      return `git ls-files failed (${git.message}): walked the file system`;
  }
}

/**
 * Adds the rules of every listed `.repopackignore`, plus the root one even when git ignores it (a personal file),
 * shallowest first. Returns warnings for files that could not be read.
 */
async function loadRepopackIgnores(root: string, layers: IgnoreLayers, paths: readonly string[]): Promise<string[]> {
  const suffix = `/${REPOPACK_IGNORE_FILE_NAME}`;
  const ignoreFiles = new Set(paths.filter((path) => path.endsWith(suffix)));
  const warnings: string[] = [];
  for (const path of [REPOPACK_IGNORE_FILE_NAME, ...[...ignoreFiles].sort(compareCodeUnits)]) {
    try {
      layers.add(path.slice(0, Math.max(0, path.length - suffix.length)), await readFile(toAbsolute(root, path), 'utf8'));
    } catch (error) {
      const code = errorCode(error);
      if (code !== 'ENOENT') warnings.push(`${path}: ignore file not read (${code}); its rules were not applied`);
    }
  }
  return warnings;
}

/** Total order on strings by UTF-16 code unit, independent of locale. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
