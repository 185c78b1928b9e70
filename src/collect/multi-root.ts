/**
 * Several roots packed as one (`repopack api web`): each root is collected on its own (its own git list or walk,
 * ignore files, globs relative to it) and its paths are prefixed with the root's label, so one `Collection` carries
 * unambiguous paths and every later stage works as for one root.
 */
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { UsageError } from '../shared/errors.js';
import type { Collection, GitCommit, SkippedFile, SourceFile } from '../shared/types.js';

/** A root and the path prefix its files carry in the bundle. */
export interface LabelledRoot {
  /** Absolute path of the directory. */
  readonly root: string;
  /** POSIX path relative to the roots' common parent, e.g. `api` or `client/app`. */
  readonly label: string;
}

/**
 * Labels for several roots: each root's path relative to the deepest directory containing them all, so `a/api` and
 * `b/api` stay apart and the labels depend only on the paths given. A root given twice, or one root inside another
 * (whose files would appear under two names), is a usage error.
 */
export function labelRoots(roots: readonly string[]): LabelledRoot[] {
  const absolute = roots.map((root) => resolve(root));
  for (const [index, root] of absolute.entries()) {
    const other = absolute.findIndex((candidate, at) => at !== index && (candidate === root || root.startsWith(withSep(candidate))));
    if (other !== -1) {
      throw new UsageError(
        `roots "${roots[Math.min(index, other)]}" and "${roots[Math.max(index, other)]}" overlap`,
        'give directories that do not contain each other; narrow one root with --include instead',
      );
    }
  }
  const parent = commonParent(absolute);
  return absolute.map((root) => {
    const label = relative(parent, root).split(sep).join('/');
    // Different drives (Windows) share no parent: fall back to the base name, which the overlap check keeps distinct
    // only up to a repeat; a repeat gets its position appended.
    return { root, label: label === '' || label.startsWith('..') || /^[A-Za-z]:/.test(label) ? basename(root) : label };
  }).map((entry, index, all) => (all.findIndex((other) => other.label === entry.label) === index ? entry : { ...entry, label: `${entry.label}-${index + 1}` }));
}

function withSep(path: string): string {
  return path.endsWith(sep) ? path : path + sep;
}

/** The deepest directory that contains every path (each path's parent at least, so a label is never empty). */
function commonParent(paths: readonly string[]): string {
  let parent = dirname(paths[0]!);
  while (!paths.every((path) => path.startsWith(withSep(parent))) && dirname(parent) !== parent) parent = dirname(parent);
  return parent;
}

/**
 * Collects every root with `collectOne` (given each root's own options) and merges the results with prefixed paths:
 * files and skipped files sorted by path (code-unit order), warnings prefixed with the root's label.
 */
export async function collectLabelledRoots<Options extends { readonly root: string }>(
  roots: readonly LabelledRoot[],
  options: Options,
  collectOne: (options: Options) => Promise<Collection>,
): Promise<Collection> {
  const files: SourceFile[] = [];
  const skipped: SkippedFile[] = [];
  const warnings: string[] = [];
  for (const { root, label } of roots) {
    const collection = await collectOne({ ...options, root });
    files.push(...collection.files.map((file) => ({ ...file, path: `${label}/${file.path}`, root: label })));
    skipped.push(...collection.skipped.map((entry) => ({ ...entry, path: `${label}/${entry.path}` })));
    warnings.push(...collection.warnings.map((warning) => `${label}: ${warning}`));
  }
  const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return { files: files.sort(byPath), skipped: skipped.sort(byPath), warnings };
}

/**
 * Each root's history with its paths prefixed by the root's label, merged newest first (ties by the order of the
 * roots), so recency and co-change see the same paths as the collection. Each root's commits are shifted so that its
 * newest commit is as new as the newest of all: recency is then judged within each root, as for one root, and a
 * repository that was quiet lately does not rank below a busy one for that alone.
 */
export function mergeRootHistories(histories: readonly { readonly label: string; readonly commits: readonly GitCommit[] }[]): GitCommit[] {
  const newestOf = (commits: readonly GitCommit[]) => commits.reduce((newest, commit) => Math.max(newest, commit.epochSeconds), -Infinity);
  const newest = Math.max(...histories.map(({ commits }) => newestOf(commits)));
  const tagged = histories.flatMap(({ label, commits }, rootIndex) => {
    const shift = commits.length === 0 ? 0 : newest - newestOf(commits);
    return commits.map((commit, position) => ({
      rootIndex,
      position,
      commit: { epochSeconds: commit.epochSeconds + shift, paths: commit.paths.map((path) => `${label}/${path}`) },
    }));
  });
  tagged.sort((a, b) => b.commit.epochSeconds - a.commit.epochSeconds || a.rootIndex - b.rootIndex || a.position - b.position);
  return tagged.map((entry) => entry.commit);
}

/**
 * Features that read one repository's git state (`--diff`, `--log`) or one root's paths (`--stdin`, the index) have
 * no single meaning for several roots: refused with the first flag that was used.
 */
export function refuseSeveralRoots(roots: readonly string[] | undefined, features: readonly { readonly flag: string; readonly used: boolean }[]): void {
  if (roots === undefined || roots.length < 2) return;
  const used = features.find((feature) => feature.used);
  if (used !== undefined) {
    throw new UsageError(`${used.flag} works on one root, got ${roots.length}: ${roots.join(' ')}`, `pack one root with ${used.flag}, or drop ${used.flag} to pack several`);
  }
}

/** The bundle's root name for several roots: their labels joined, e.g. `api + web`. */
export function rootsName(roots: readonly LabelledRoot[]): string {
  return roots.map((entry) => entry.label).join(' + ');
}
