/**
 * Fixture builder: a real directory under the OS temp dir, optionally a real git repository with isolated,
 * reproducible configuration. Tests create one per case and remove it in `afterEach`:
 *
 * ```ts
 * let repo: TempRepo;
 * afterEach(() => repo.cleanup());
 * repo = await makeRepo({ 'src/a.ts': 'export const a = 1\n', '.gitignore': 'dist/\n' }, { commit: true });
 * ```
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Fixed timestamp for every commit, so hashes and history are the same on every run. */
export const FIXED_GIT_DATE = '2026-01-01T00:00:00Z';

/** A temporary directory with files, removed by `cleanup`. */
export interface TempRepo {
  /** Absolute path of the directory (the work tree when git is used). */
  readonly root: string;
  /** Runs git in `root` with the isolated environment; resolves to stdout, rejects with stderr on failure. */
  git(...args: string[]): Promise<string>;
  /** Writes a file at a POSIX path relative to `root`, creating parent directories. */
  write(path: string, content: string | Uint8Array): Promise<void>;
  /** Removes the directory and everything in it (restoring permissions is the test's job). */
  cleanup(): Promise<void>;
}

/** Options of `makeRepo`. */
export interface MakeRepoOptions {
  /** Run `git init` (default true). */
  readonly git?: boolean;
  /** Stage and commit every file after writing (default false; implies `git`). */
  readonly commit?: boolean;
}

/**
 * Environment for running git unaffected by the machine's configuration: no global or system config, `HOME` inside
 * the fixture, fixed identities and dates. Inherits `PATH` so git can be found.
 */
export function isolatedGitEnv(home: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '',
    HOME: home,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Repopack Test',
    GIT_AUTHOR_EMAIL: 'test@repopack.invalid',
    GIT_COMMITTER_NAME: 'Repopack Test',
    GIT_COMMITTER_EMAIL: 'test@repopack.invalid',
    GIT_AUTHOR_DATE: FIXED_GIT_DATE,
    GIT_COMMITTER_DATE: FIXED_GIT_DATE,
    LC_ALL: 'C',
  };
}

/**
 * Creates a fresh `repopack-*` temp directory holding `files` (keys are POSIX paths, values text or bytes). With
 * `git` (the default) it is a repository on branch `main`; with `commit` everything is added and committed.
 */
export async function makeRepo(
  files: Record<string, string | Uint8Array>,
  options: MakeRepoOptions = {},
): Promise<TempRepo> {
  const root = await mkdtemp(join(tmpdir(), 'repopack-'));
  // HOME lives beside the work tree, not in it, so git never lists it.
  const home = await mkdtemp(join(tmpdir(), 'repopack-home-'));
  const repo: TempRepo = {
    root,
    git: (...args) => runGit(root, home, args),
    write: async (path, content) => {
      const target = join(root, ...path.split('/'));
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, content);
    },
    cleanup: async () => {
      await rm(root, { recursive: true, force: true });
      await rm(home, { recursive: true, force: true });
    },
  };
  try {
    for (const [path, content] of Object.entries(files)) await repo.write(path, content);
    if (options.git !== false || options.commit === true) await repo.git('init', '-q', '-b', 'main');
    if (options.commit === true) {
      await repo.git('add', '-A');
      await repo.git('commit', '-q', '--allow-empty', '-m', 'fixture');
    }
  } catch (error) {
    await repo.cleanup();
    throw error;
  }
  return repo;
}

function runGit(cwd: string, home: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, env: isolatedGitEnv(home), encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error === null) resolve(stdout);
      else reject(new Error(`git ${args.join(' ')} failed in ${cwd}: ${stderr.trim() || error.message}`));
    });
  });
}
