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
  readonly #layers = new Map<string, Layer>();
  readonly #directoryVerdicts = new Map<string, boolean>();

  /** Appends rules (gitignore syntax) to the layer of `directory`; later rules take precedence. */
  add(directory: string, rules: string | readonly string[]): void {
    let layer = this.#layers.get(directory);
    if (layer === undefined) {
      // Case-sensitive like git on Linux, so results do not depend on the platform.
      layer = { rules: ignore({ ignorecase: false }), names: emptyNameFilter() };
      this.#layers.set(directory, layer);
    }
    layer.rules.add(rules);
    addToNameFilter(layer.names, typeof rules === 'string' ? rules.split(/\r?\n/) : rules);
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
        const relative = path.slice(end + 1);
        if (mayMatch(layer.names, relative)) {
          const verdict = layer.rules.test(relative + (isDirectory ? '/' : ''));
          if (verdict.ignored) return true;
          if (verdict.unignored) return false;
        }
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

/** One directory's rules, and the cheap test that tells most paths no rule can match them. */
interface Layer {
  readonly rules: Ignore;
  readonly names: NameFilter;
}

/**
 * What the simple rules of a layer can match, by path segment. A rule without a slash (but a trailing one) and
 * without wildcards other than one leading or trailing `*` matches a path only through a segment equal to its name,
 * ending in its suffix or starting with its prefix; a negated rule likewise. Any other rule sets `isOpaque`, and then
 * every path goes to the `ignore` package. Asking the package only when some segment may match gives the same
 * verdicts: with no matching rule it answers neither ignored nor unignored. On a 43k-file tree the default rules
 * cost 0.55 s of CPU through the package and almost nothing through this filter.
 */
interface NameFilter {
  readonly names: Set<string>;
  readonly suffixes: string[];
  readonly prefixes: string[];
  isOpaque: boolean;
}

/** Plain characters only, so a pattern matching these shapes has no escapes, brackets, spaces or comments. */
const LITERAL_RULE = /^!?([\w.-]+)\/?$/;
const SUFFIX_RULE = /^!?\*([\w.-]+)\/?$/;
const PREFIX_RULE = /^!?([\w.-]+)\*\/?$/;
/** Blank lines and comments match nothing. */
const INERT_RULE = /^(?:#.*)?$/;
/** `.` and `..` mean directories of their own to some matchers: not taken as plain names. */
const DOTS_ONLY = /^\.+$/;

function emptyNameFilter(): NameFilter {
  return { names: new Set(), suffixes: [], prefixes: [], isOpaque: false };
}

function addToNameFilter(filter: NameFilter, rules: readonly string[]): void {
  for (const rule of rules) {
    const literal = LITERAL_RULE.exec(rule)?.[1];
    const suffix = SUFFIX_RULE.exec(rule)?.[1];
    const prefix = PREFIX_RULE.exec(rule)?.[1];
    if (literal !== undefined && !DOTS_ONLY.test(literal)) filter.names.add(literal);
    else if (suffix !== undefined) filter.suffixes.push(suffix);
    else if (prefix !== undefined) filter.prefixes.push(prefix);
    else if (!INERT_RULE.test(rule)) filter.isOpaque = true;
  }
}

/** False only when no rule of the layer can match any segment of `relative` (a path below the layer's directory). */
function mayMatch(filter: NameFilter, relative: string): boolean {
  if (filter.isOpaque) return true;
  for (let start = 0; start <= relative.length; ) {
    let end = relative.indexOf('/', start);
    if (end < 0) end = relative.length;
    const segment = relative.slice(start, end);
    if (filter.names.has(segment)) return true;
    for (const suffix of filter.suffixes) if (segment.endsWith(suffix)) return true;
    for (const prefix of filter.prefixes) if (segment.startsWith(prefix)) return true;
    start = end + 1;
  }
  return false;
}
