/** Where the cache lives when `--cache-dir` is not given: the user cache directory of the platform. */
import { join } from 'node:path';

/** The folder name under the user cache directory. */
const CACHE_FOLDER = 'repopack';

export interface CacheLocationInput {
  /** Environment variables (XDG_CACHE_HOME, LOCALAPPDATA). */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  /** The user's home directory. */
  readonly home: string;
}

/**
 * `$XDG_CACHE_HOME/repopack` when set (on every platform, as most CLIs honour it), else `~/Library/Caches/repopack` on
 * macOS, `%LOCALAPPDATA%\repopack` on Windows and `~/.cache/repopack` elsewhere.
 */
export function defaultCacheDirectory(input: CacheLocationInput): string {
  const xdg = input.env.XDG_CACHE_HOME;
  if (xdg !== undefined && xdg !== '') return join(xdg, CACHE_FOLDER);
  if (input.platform === 'darwin') return join(input.home, 'Library', 'Caches', CACHE_FOLDER);
  if (input.platform === 'win32') {
    const local = input.env.LOCALAPPDATA;
    return join(local !== undefined && local !== '' ? local : join(input.home, 'AppData', 'Local'), CACHE_FOLDER);
  }
  return join(input.home, '.cache', CACHE_FOLDER);
}
