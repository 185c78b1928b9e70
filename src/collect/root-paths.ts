import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, normalize, resolve, sep } from 'node:path';
import { UsageError } from '../shared/errors.js';

/** The pack root as given (absolute) and as resolved through symlinks. */
export interface ResolvedRoot {
  readonly root: string;
  readonly realRoot: string;
}

/** Resolves and checks the root directory; a missing root or a file is the user's to fix, so it throws. */
export async function resolveRoot(root: string): Promise<ResolvedRoot> {
  const absolute = resolve(root);
  let realRoot: string;
  try {
    realRoot = await realpath(absolute);
  } catch (error) {
    throw new UsageError(`root "${root}" does not exist (${errorCode(error)})`, 'pass the directory to pack');
  }
  if (!(await stat(realRoot)).isDirectory()) {
    throw new UsageError(`root "${root}" is not a directory`, 'pass the directory to pack, and narrow with --include');
  }
  return { root: absolute, realRoot };
}

/** True when `real` is `realRoot` or below it. Both must be real paths. */
export function isInside(realRoot: string, real: string): boolean {
  return real === realRoot || real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep);
}

/**
 * Absolute file-system path of a POSIX path relative to the root. Collect calls this once or twice per file, so a
 * path that `join` would leave as it is (POSIX separators, normalised root, no empty, `.` or `..` segments) is
 * concatenated instead: `join` normalises every segment and cost 0.26 s of CPU on a 43k-file tree.
 */
export function toAbsolute(root: string, path: string): string {
  if (path === '') return root;
  if (sep === '/' && isPlainRelative(path) && isNormalRoot(root)) return root.endsWith('/') ? root + path : `${root}/${path}`;
  return join(root, ...path.split('/'));
}

/** No leading or trailing slash, no empty segment and no `.` or `..` segment. */
const IRREGULAR_SEGMENT = /^\/|\/$|\/\/|(?:^|\/)\.\.?(?:\/|$)/;

function isPlainRelative(path: string): boolean {
  return !IRREGULAR_SEGMENT.test(path);
}

/** The last root checked: collect passes the same root for every file of a pack. */
let lastRoot: { readonly root: string; readonly isNormal: boolean } | undefined;

function isNormalRoot(root: string): boolean {
  if (lastRoot?.root !== root) lastRoot = { root, isNormal: isAbsolute(root) && normalize(root) === root };
  return lastRoot.isNormal;
}

/** The errno code of a file-system error (`ENOENT`, `EACCES`, …), or `unknown error`. */
export function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? 'unknown error';
}
