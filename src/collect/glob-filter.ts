import picomatch from 'picomatch';

/** Options of `makeGlobFilter`. */
export interface GlobFilterOptions {
  /** When non-empty, only paths matching one of these are kept. */
  readonly include: readonly string[];
  /** Paths matching one of these are dropped, even when included. */
  readonly ignore: readonly string[];
}

/**
 * Builds the predicate for `--include` / `--ignore` globs over POSIX paths relative to the root.
 *
 * Matching rules, chosen to behave like gitignore patterns:
 * - dot files match wildcards (`*` matches `.eslintrc.json`);
 * - a glob without a slash matches the base name at any depth: `*.ts` matches `src/deep/a.ts`;
 * - a glob with a slash is anchored at the root: `src/*.ts` matches `src/a.ts` but not `lib/src/a.ts`;
 * - a glob that matches a directory matches everything below it: `docs` and `src/gen` select whole trees;
 * - a leading `./` or `/` anchors a glob at the root (`./src` is only the top `src`); a trailing `/` is dropped.
 */
export function makeGlobFilter(options: GlobFilterOptions): (path: string) => boolean {
  const isIncluded = options.include.length === 0 ? () => true : compile(options.include);
  const isIgnored = options.ignore.length === 0 ? () => false : compile(options.ignore);
  return (path) => isIncluded(path) && !isIgnored(path);
}

function compile(globs: readonly string[]): (path: string) => boolean {
  // picomatch's `basename` option also applies to globs containing a slash, so the any-depth rule is spelled out.
  const matcher = picomatch(globs.map(toAnchoredGlob), { dot: true });
  return (path) => {
    if (matcher(path)) return true;
    for (let end = path.indexOf('/'); end >= 0; end = path.indexOf('/', end + 1)) {
      if (matcher(path.slice(0, end))) return true;
    }
    return false;
  };
}

// `*.ts` becomes `**/*.ts`; `./src/` and `/src` become `src` (a leading `./` or `/` anchors at the root).
function toAnchoredGlob(glob: string): string {
  const trimmed = glob.replace(/\/+$/, '');
  const anchored = trimmed.replace(/^(\.\/|\/)+/, '');
  return anchored === trimmed && !trimmed.includes('/') ? `**/${trimmed}` : anchored;
}
