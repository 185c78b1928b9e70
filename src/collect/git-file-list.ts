import { execFile } from 'node:child_process';

/**
 * Largest `git ls-files` output accepted, in bytes. A 100k-file monorepo lists a few MB; this leaves wide room while
 * still bounding memory.
 */
const GIT_LIST_MAX_BUFFER_BYTES = 256 * 1024 * 1024;

/** What git says about a directory: its file list, or why there is none. */
export type GitFileList =
  | { readonly kind: 'listed'; readonly paths: readonly string[] }
  | { readonly kind: 'not-a-repository' }
  | { readonly kind: 'ignored-root' }
  | { readonly kind: 'git-missing' }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * Lists the files git would consider part of the work tree under `root`: tracked files plus untracked ones that are
 * not ignored (`git ls-files --cached --others --exclude-standard`). Paths are relative to `root`, POSIX, unique.
 * An untracked nested repository or a submodule appears as its directory path. A root git ignores (say
 * `node_modules/some-package`) lists nothing, so it is reported as `ignored-root` for the caller to walk instead.
 */
export async function listGitFiles(root: string): Promise<GitFileList> {
  const probe = await runGit(root, ['rev-parse', '--is-inside-work-tree']);
  if (probe.kind === 'missing') return { kind: 'git-missing' };
  if (probe.kind === 'failed' || probe.stdout.trim() !== 'true') return { kind: 'not-a-repository' };
  const listing = await runGit(root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard']);
  if (listing.kind === 'missing') return { kind: 'git-missing' };
  if (listing.kind === 'failed') return { kind: 'failed', message: listing.message };
  const paths = new Set<string>();
  for (const entry of listing.stdout.split('\0')) {
    // Unmerged paths appear once per stage; nested repositories end with a slash.
    if (entry !== '') paths.add(entry.replace(/\/+$/, ''));
  }
  if (paths.size === 0 && (await runGit(root, ['check-ignore', '-q', '.'])).kind === 'ok') {
    return { kind: 'ignored-root' };
  }
  return { kind: 'listed', paths: [...paths] };
}

type GitRun =
  | { readonly kind: 'ok'; readonly stdout: string }
  | { readonly kind: 'missing' }
  | { readonly kind: 'failed'; readonly message: string };

function runGit(cwd: string, args: readonly string[]): Promise<GitRun> {
  return new Promise((resolve) => {
    // The environment is passed explicitly so that callers (and tests) control PATH and git configuration.
    const options = { cwd, env: process.env, encoding: 'utf8' as const, maxBuffer: GIT_LIST_MAX_BUFFER_BYTES };
    execFile('git', args, options, (error, stdout, stderr) => {
      if (error === null) resolve({ kind: 'ok', stdout });
      else if ((error as NodeJS.ErrnoException).code === 'ENOENT') resolve({ kind: 'missing' });
      else resolve({ kind: 'failed', message: (stderr.trim() || error.message).split('\n')[0] ?? '' });
    });
  });
}
