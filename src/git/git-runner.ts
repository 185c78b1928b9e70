import { execFile, spawn } from 'node:child_process';
import { GitError } from '../shared/errors.js';

/**
 * Largest output accepted from one git command, in bytes. A diff of a few thousand changed files or a `cat-file`
 * batch of a 100k-file index stays far below it; the cap only bounds memory when something is pathological.
 */
const GIT_MAX_BUFFER_BYTES = 512 * 1024 * 1024;

/**
 * Options every command gets: paths are printed raw (UTF-8, not octal-quoted), colour and pagers are off, and no
 * user configuration can swap in an external diff or text converter. Each is a `-c` so that it also overrides a
 * repository's own config.
 */
const BASE_ARGS: readonly string[] = ['-c', 'core.quotepath=off', '-c', 'color.ui=false', '-c', 'core.pager=cat'];

/** Runs git in one directory. `args` are passed as an array (never through a shell). */
export interface GitRunner {
  /** Absolute directory git runs in. */
  readonly cwd: string;
  /** Stdout as UTF-8; throws `GitError` quoting the command and git's message when git fails or is missing. */
  text(args: readonly string[], options?: { readonly input?: string }): Promise<string>;
  /** Stdout as bytes (for blobs); same errors as `text`. */
  bytes(args: readonly string[], options?: { readonly input?: string }): Promise<Buffer>;
}

/** A `GitRunner` for `cwd` using the `git` on PATH and the process environment. */
export function createGitRunner(cwd: string, env: NodeJS.ProcessEnv = process.env): GitRunner {
  const run = (args: readonly string[], input: string | undefined): Promise<Buffer> =>
    new Promise((resolve, reject) => {
      const child = execFile(
        'git',
        [...BASE_ARGS, ...args],
        { cwd, env, encoding: 'buffer', maxBuffer: GIT_MAX_BUFFER_BYTES },
        (error, stdout, stderr) => {
          if (error === null) return resolve(stdout);
          reject(toGitError(args, error, stderr.toString('utf8')));
        },
      );
      if (input !== undefined) child.stdin?.end(input);
    });
  return {
    cwd,
    text: async (args, options) => (await run(args, options?.input)).toString('utf8'),
    bytes: (args, options) => run(args, options?.input),
  };
}

function toGitError(args: readonly string[], error: Error, stderr: string): GitError {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
    return new GitError('git was not found on PATH', { hint: 'install git, or leave out the diff and snapshot options', cause: error });
  }
  const detail = stderr.trim().split('\n')[0] || error.message;
  return new GitError(`git ${commandName(args)} failed: ${detail}`, { cause: error });
}

/** The subcommand, for messages: `diff`, `log`, … (skipping `-c key=value` pairs). */
function commandName(args: readonly string[]): string {
  for (let index = 0; index < args.length; index++) {
    if (args[index] === '-c') index++;
    else if (!args[index]!.startsWith('-')) return args[index]!;
  }
  return args.join(' ');
}

/**
 * Runs git in `cwd` with `input` on stdin and hands stdout to `onChunk` as it arrives, so an output of any size (a
 * `cat-file --batch` of a whole index) is never held at once. Rejects with `GitError` when git fails or is missing.
 */
export function streamGit(
  cwd: string,
  args: readonly string[],
  input: string,
  onChunk: (chunk: Buffer) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...BASE_ARGS, ...args], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    const stderr: Buffer[] = [];
    let failed: Error | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      if (failed) return;
      try {
        onChunk(chunk);
      } catch (error) {
        failed = error as Error;
        child.kill();
      }
    });
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error) => reject(toGitError(args, error, '')));
    child.on('close', (code, signal) => {
      if (failed) return reject(failed);
      if (code === 0) return resolve();
      const message = Buffer.concat(stderr).toString('utf8');
      reject(toGitError(args, Object.assign(new Error(`git exited with ${code ?? signal}`), { code }), message));
    });
    // A closed stdin (git gone early) must not crash the process: the close handler reports the failure.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}
