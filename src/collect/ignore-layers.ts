import ignore, { type Ignore } from 'ignore';

/** Names of the ignore files read in each directory, lowest precedence first (ripgrep's order, then ours). */
export const WALK_IGNORE_FILE_NAMES: readonly string[] = ['.gitignore', '.ignore', '.repopackignore'];

/** The ignore file repopack honours inside git repositories too. */
export const REPOPACK_IGNORE_FILE_NAME = '.repopackignore';

/**
 * Gitignore rules from ignore files at several directory levels, evaluated like git: the rules of a file apply to
 * paths relative to its directory, a deeper file overrides a shallower one, the last matching rule within a file wins,
 * and nothing below an ignored directory can be re-included.
 *
 * Paths are POSIX and relative to the pack root; `''` is the root directory.
 */
export class IgnoreLayers {
  readonly #layers = new Map<string, Ignore>();
  readonly #directoryVerdicts = new Map<string, boolean>();

  /** Appends rules (gitignore syntax) to the layer of `directory`; later rules take precedence. */
  add(directory: string, rules: string | readonly string[]): void {
    let layer = this.#layers.get(directory);
    if (layer === undefined) {
      // Case-sensitive like git on Linux, so results do not depend on the platform.
      layer = ignore({ ignorecase: false });
      this.#layers.set(directory, layer);
    }
    layer.add(rules);
  }

  /**
   * Whether the rules ignore `path` itself, assuming no ancestor directory is ignored (the walker never descends
   * into one). Deepest layer first: the first layer with a matching rule decides.
   */
  isIgnored(path: string, isDirectory: boolean): boolean {
    for (let end = path.lastIndexOf('/'); ; end = path.lastIndexOf('/', end - 1)) {
      const directory = end < 0 ? '' : path.slice(0, end);
      const layer = this.#layers.get(directory);
      if (layer !== undefined) {
        const verdict = layer.test(path.slice(end + 1) + (isDirectory ? '/' : ''));
        if (verdict.ignored) return true;
        if (verdict.unignored) return false;
      }
      if (end < 0) return false;
    }
  }

  /** Whether the file `path` is ignored, itself or through any ancestor directory (results per directory are cached). */
  isExcluded(path: string): boolean {
    for (let end = path.indexOf('/'); end >= 0; end = path.indexOf('/', end + 1)) {
      if (this.#isDirectoryIgnored(path.slice(0, end))) return true;
    }
    return this.isIgnored(path, false);
  }

  #isDirectoryIgnored(directory: string): boolean {
    let verdict = this.#directoryVerdicts.get(directory);
    if (verdict === undefined) {
      verdict = this.isIgnored(directory, true);
      this.#directoryVerdicts.set(directory, verdict);
    }
    return verdict;
  }
}
