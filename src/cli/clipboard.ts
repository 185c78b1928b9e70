/**
 * `--copy`: hand the bundle to the system clipboard through the first clipboard command found on PATH. No library:
 * every desktop ships one of these commands, and spawning it keeps repopack free of native dependencies.
 */
import { spawn } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { RepopackError } from '../shared/errors.js';

/** A clipboard command and the arguments that make it read the clipboard's new content from stdin. */
export interface ClipboardCommand {
  readonly command: string;
  readonly args: readonly string[];
}

/**
 * In the order tried: macOS, Wayland, X11 (two tools), Windows and WSL. The first one on PATH that succeeds wins;
 * a tool that fails (xclip without a display) hands over to the next.
 */
export const CLIPBOARD_COMMANDS: readonly ClipboardCommand[] = [
  { command: 'pbcopy', args: [] },
  { command: 'wl-copy', args: [] },
  { command: 'xclip', args: ['-selection', 'clipboard'] },
  { command: 'xsel', args: ['--clipboard', '--input'] },
  { command: 'clip.exe', args: [] },
];

/** Full path of `command` in the first PATH directory holding an executable of that name, else undefined. */
export async function findOnPath(command: string, pathVariable: string | undefined): Promise<string | undefined> {
  for (const directory of (pathVariable ?? '').split(delimiter)) {
    if (directory === '') continue;
    const candidate = join(directory, command);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here (or not executable): PATH lookup moves on to the next directory, as a shell does.
    }
  }
  return undefined;
}

/** Writes `text` to `command`'s stdin; resolves to undefined on exit 0, else to what went wrong. */
function pipeInto(executable: string, args: readonly string[], text: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = spawn(executable, [...args], { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error) => resolve(error.message));
    child.on('close', (code) => resolve(code === 0 ? undefined : `exit ${code ?? 'signal'}${stderr.trim() ? `: ${stderr.trim()}` : ''}`));
    // An early exit closes the pipe; the exit code tells the story, so a write error adds nothing.
    child.stdin.on('error', () => undefined);
    child.stdin.end(text);
  });
}

/**
 * Copies `text` to the clipboard; resolves to the command used. Throws `RepopackError` (exit 1) naming what was
 * tried when no command exists or every one failed.
 */
export async function copyToClipboard(text: string, env: NodeJS.ProcessEnv): Promise<string> {
  const failures: string[] = [];
  for (const { command, args } of CLIPBOARD_COMMANDS) {
    const executable = await findOnPath(command, env.PATH);
    if (executable === undefined) continue;
    const failure = await pipeInto(executable, args, text);
    if (failure === undefined) return command;
    failures.push(`${command} (${failure})`);
  }
  const tried = CLIPBOARD_COMMANDS.map((entry) => entry.command).join(', ');
  const message =
    failures.length === 0
      ? `--copy: no clipboard command found on PATH (looked for ${tried})`
      : `--copy: the clipboard command failed: ${failures.join('; ')}`;
  throw new RepopackError(message, { code: 'clipboard', hint: 'install one (e.g. wl-clipboard or xclip), or use -o FILE' });
}
