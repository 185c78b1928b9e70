/**
 * A remote repository as the root (`repopack https://github.com/o/r`, `git@host:o/r.git`, `owner/repo`): shallow-clone
 * it into a temporary directory, pack that, and remove it afterwards, also when the pack fails.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RepopackError, UsageError } from '../shared/errors.js';

/** A root ready to pack, and how to let go of it. */
export interface PreparedRoot {
  readonly root: string;
  /** True when `root` is a temporary clone. */
  readonly isRemote: boolean;
  cleanup(): Promise<void>;
}

const URL_SCHEMES = /^(?:https?|ssh|git|file):\/\//;
const SCP_LIKE = /^[\w.-]+@[\w.-]+:/;
/** GitHub's `owner/repo` shorthand: one slash, names of letters, digits, `.`, `_`, `-`. */
const GITHUB_SHORTHAND = /^[A-Za-z0-9][\w.-]*\/[\w.-]+$/;

/** The clone URL `spec` means, or undefined for a local path. An existing local directory always wins. */
export function remoteUrl(spec: string, exists: (path: string) => boolean = existsSync): string | undefined {
  if (URL_SCHEMES.test(spec) || SCP_LIKE.test(spec)) return spec;
  if (GITHUB_SHORTHAND.test(spec) && !exists(spec)) return `https://github.com/${spec.replace(/\.git$/, '')}.git`;
  return undefined;
}

/** `https://github.com/o/gin.git` → `gin`: the clone's directory name, shown as the bundle's root name. */
export function repositoryName(url: string): string {
  const last = url.replace(/\/+$/, '').split(/[/:]/).at(-1) ?? 'repository';
  const name = last.replace(/\.git$/, '');
  return /^[\w.-]+$/.test(name) && name !== '.' && name !== '..' ? name : 'repository';
}

function git(args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    // No prompt for credentials: a private repository fails at once instead of waiting for input that never comes.
    const env = { ...process.env, GIT_TERMINAL_PROMPT: '0' };
    execFile('git', [...args], { env, maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) =>
      error ? reject(new Error(stderr.trim() || error.message)) : resolve(),
    );
  });
}

/** A local root as is; a remote one shallow-cloned into a temporary directory. */
export async function prepareRoot(spec: string): Promise<PreparedRoot> {
  const url = remoteUrl(spec);
  if (url === undefined) return { root: spec, isRemote: false, cleanup: async () => undefined };
  const parent = await mkdtemp(join(tmpdir(), 'repopack-remote-'));
  const cleanup = () => rm(parent, { recursive: true, force: true });
  const root = join(parent, repositoryName(url));
  try {
    await git(['clone', '--quiet', '--depth', '1', '--end-of-options', url, root]);
  } catch (error) {
    await cleanup();
    throw new RepopackError(`could not clone ${spec}: ${(error as Error).message}`, {
      code: 'clone',
      hint: 'check the URL and your access to it (a local directory of that name is packed instead when it exists)',
    });
  }
  return { root, isRemote: true, cleanup };
}

/**
 * Several roots must all be local directories: a temporary clone's path would make the roots' labels (their paths
 * relative to a common parent) differ from run to run. `root` is the first.
 */
export function localRoots(specs: readonly string[]): PreparedRoot {
  const remote = specs.find((spec) => remoteUrl(spec) !== undefined);
  if (remote !== undefined) {
    throw new UsageError(`${remote} is a remote repository; several roots must be local directories`, 'pack the remote repository alone, or clone it first');
  }
  return { root: specs[0]!, isRemote: false, cleanup: async () => undefined };
}
