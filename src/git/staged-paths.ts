import type { GitRunner } from './git-runner.js';
import { readRepoState } from './repo-state.js';

/**
 * Paths (relative to `git.cwd`) whose staged content differs from HEAD: what the next commit changes. In a
 * repository with no commits every staged path counts. Sorted by code unit.
 */
export async function listStagedPaths(git: GitRunner): Promise<string[]> {
  const state = await readRepoState(git);
  const output = state.head
    ? await git.text(['diff', '--cached', '--name-only', '--no-renames', '--relative', '-z', '--end-of-options', state.head, '--'])
    : await git.text(['ls-files', '-z', '--cached']);
  const paths = [...new Set(output.split('\0').filter((path) => path !== ''))];
  return paths.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Absolute path of the directory git runs hooks from (honours `core.hooksPath`; shared by all worktrees). */
export async function resolveHooksDirectory(git: GitRunner): Promise<string> {
  await readRepoState(git);
  const output = (await git.text(['rev-parse', '--path-format=absolute', '--git-path', 'hooks'])).trim();
  return output;
}

/** The value of `core.hooksPath`, or undefined when unset. */
export async function readHooksPathConfig(git: GitRunner): Promise<string | undefined> {
  try {
    const value = (await git.text(['config', '--get', 'core.hooksPath'])).trim();
    return value === '' ? undefined : value;
  } catch {
    // `git config --get` exits 1 when the key is unset: that is the answer, not a failure.
    return undefined;
  }
}
