import type { Dirent } from 'node:fs';
import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import { sep } from 'node:path';
import type { SkippedFile } from '../shared/types.js';
import { type IgnoreLayers, WALK_IGNORE_FILE_NAMES } from './ignore-layers.js';
import { errorCode, isInside, toAbsolute } from './root-paths.js';

/** Candidate files found by walking, plus directories set aside. Paths are POSIX, relative to the root, unsorted. */
export interface WalkResult {
  readonly paths: readonly string[];
  readonly skipped: readonly SkippedFile[];
  readonly warnings: readonly string[];
}

/** Where the walk starts and which rules it honours. */
export interface WalkOptions {
  /** Absolute root as given (paths are built under it). */
  readonly root: string;
  /** `realpath` of the root: symlinks must resolve inside it. */
  readonly realRoot: string;
  /** Rules seeded with the defaults; the walker adds the ignore files it meets. */
  readonly layers: IgnoreLayers;
}

interface WalkState extends WalkOptions {
  readonly paths: string[];
  readonly skipped: SkippedFile[];
  readonly warnings: string[];
}

/** One directory to read: its POSIX path (`''` for the root) and the real paths of it and its ancestors. */
interface DirectoryVisit {
  readonly path: string;
  readonly realChain: readonly string[];
}

/**
 * Walks the tree under the root without git, honouring `.gitignore`, `.ignore` and `.repopackignore` at every level.
 * Symlinked directories are followed when they resolve inside the root; one that resolves to a directory already on
 * the current path is reported as `symlink-loop` instead, so the walk always ends.
 */
export async function walkTree(options: WalkOptions): Promise<WalkResult> {
  const state: WalkState = { ...options, paths: [], skipped: [], warnings: [] };
  await walkDirectory(state, { path: '', realChain: [options.realRoot] });
  return { paths: state.paths, skipped: state.skipped, warnings: state.warnings };
}

async function walkDirectory(state: WalkState, visit: DirectoryVisit): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(toAbsolute(state.root, visit.path), { withFileTypes: true });
  } catch (error) {
    state.skipped.push(skipForError(visit.path, error));
    return;
  }
  await loadIgnoreFiles(state, visit.path, entries);
  const subdirectories: Promise<void>[] = [];
  for (const entry of entries) {
    const path = visit.path === '' ? entry.name : `${visit.path}/${entry.name}`;
    if (entry.isDirectory()) {
      const real = `${visit.realChain[visit.realChain.length - 1]}${sep}${entry.name}`;
      const next = enterDirectory(state, visit, path, real);
      if (next !== undefined) subdirectories.push(walkDirectory(state, next));
    } else if (entry.isSymbolicLink()) {
      subdirectories.push(visitSymlink(state, visit, path));
    } else if (!state.layers.isIgnored(path, false)) {
      state.paths.push(path);
    }
  }
  await Promise.all(subdirectories);
}

/** Decides whether to descend into a directory whose real path is known; reports loops. */
function enterDirectory(
  state: WalkState,
  parent: DirectoryVisit,
  path: string,
  real: string,
): DirectoryVisit | undefined {
  if (state.layers.isIgnored(path, true)) return undefined;
  if (parent.realChain.includes(real)) {
    state.skipped.push({ path, reason: 'symlink-loop', detail: 'resolves to a directory it is inside of' });
    return undefined;
  }
  return { path, realChain: [...parent.realChain, real] };
}

/** Follows a symlink to a directory inside the root; a link to anything else is a candidate file for the reader. */
async function visitSymlink(state: WalkState, parent: DirectoryVisit, path: string): Promise<void> {
  let real: string;
  try {
    real = await realpath(toAbsolute(state.root, path));
    if (!(await stat(real)).isDirectory()) real = '';
  } catch {
    real = ''; // Broken or looping link: the reader reports it with the precise reason.
  }
  if (real === '') {
    if (!state.layers.isIgnored(path, false)) state.paths.push(path);
  } else if (!isInside(state.realRoot, real)) {
    if (!state.layers.isIgnored(path, true)) {
      state.skipped.push({ path, reason: 'symlink-outside-root', detail: `points to ${real}` });
    }
  } else {
    const next = enterDirectory(state, parent, path, real);
    if (next !== undefined) await walkDirectory(state, next);
  }
}

async function loadIgnoreFiles(state: WalkState, directory: string, entries: readonly Dirent[]): Promise<void> {
  const present = new Set(entries.filter((entry) => entry.isFile()).map((entry) => entry.name));
  for (const name of WALK_IGNORE_FILE_NAMES) {
    if (!present.has(name)) continue;
    const path = directory === '' ? name : `${directory}/${name}`;
    try {
      state.layers.add(directory, await readFile(toAbsolute(state.root, path), 'utf8'));
    } catch (error) {
      state.warnings.push(`${path}: ignore file not read (${errorCode(error)}); its rules were not applied`);
    }
  }
}

function skipForError(path: string, error: unknown): SkippedFile {
  const code = errorCode(error);
  if (code === 'ENOENT') return { path, reason: 'vanished', detail: 'directory removed during the walk' };
  return { path, reason: 'unreadable', detail: `directory not readable (${code})` };
}
