import ignore from 'ignore';
import { DEFAULT_IGNORE_PATTERNS } from '../../src/collect/default-ignores.js';
import { IgnoreLayers } from '../../src/collect/ignore-layers.js';

/**
 * The layer walk of IgnoreLayers with every rule sent to the `ignore` package: the behaviour the name filter must
 * keep exactly.
 */
function referenceExclusion(layers: ReadonlyMap<string, readonly string[]>): (path: string) => boolean {
  const compiled = new Map([...layers].map(([directory, rules]) => [directory, ignore({ ignorecase: false }).add(rules)]));
  const isIgnored = (target: string, isDirectory: boolean): boolean => {
    for (let end = target.lastIndexOf('/'); ; end = target.lastIndexOf('/', end - 1)) {
      const layer = compiled.get(end < 0 ? '' : target.slice(0, end));
      if (layer !== undefined) {
        const verdict = layer.test(target.slice(end + 1) + (isDirectory ? '/' : ''));
        if (verdict.ignored) return true;
        if (verdict.unignored) return false;
      }
      if (end < 0) return false;
    }
  };
  return (path) => {
    for (let end = path.indexOf('/'); end >= 0; end = path.indexOf('/', end + 1)) {
      if (isIgnored(path.slice(0, end), true)) return true;
    }
    return isIgnored(path, false);
  };
}

/** Deterministic pseudo-random generator (LCG), so a failure reproduces. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const SEGMENTS = ['src', 'build', 'dist', 'a', 'lib', '.git', 'node_modules', 'x.map', 'app.min.js', '.env', '.env.local',
  '.env.example', 'notes.txt', 'gen', 'generated.rs', 'target', 'keep.log', 'debug.log', 'vendor', 'Cargo.lock'];

function randomPaths(count: number, random: () => number): string[] {
  return Array.from({ length: count }, () => {
    const depth = 1 + Math.floor(random() * 4);
    return Array.from({ length: depth }, () => SEGMENTS[Math.floor(random() * SEGMENTS.length)]!).join('/');
  });
}

// A deeper layer re-including a directory the root layer ignores: git keeps the directory, yet the root layer's own
// check of a file below it still sees the ignored parent (that layered behaviour must be kept as it is).
const LAYER_SETS: readonly (readonly [string, readonly string[]])[][] = [
  [['', DEFAULT_IGNORE_PATTERNS]],
  [['', DEFAULT_IGNORE_PATTERNS], ['src', ['*.log', '!keep.log', 'gen*', '# a comment', '', '!x.map', '!.env.local/']]],
  // Rules the filter cannot read (a slash inside, brackets, a double star) make it send every path to the package.
  [['', [...DEFAULT_IGNORE_PATTERNS, 'src/gen/', '*.[ml]og', '**/vendor/**']], ['lib', ['!dist/', '/a']]],
  [['', ['*', '!*/', '!*.rs']], ['a', ['\\#x', 'notes.txt ', '!build']]],
];

describe('IgnoreLayers', () => {
  it.each(LAYER_SETS.map((set, index) => [index, set] as const))('agrees with the ignore package on rule set %i', (_, set) => {
    const layers = new IgnoreLayers();
    for (const [directory, rules] of set) layers.add(directory, rules);
    const isExcludedByReference = referenceExclusion(new Map(set));
    const paths = randomPaths(3000, seeded(7));
    const mismatches = paths.filter((path) => layers.isExcluded(path) !== isExcludedByReference(path));
    expect(mismatches).toEqual([]);
    // The sample must exercise both verdicts, or agreement proves nothing.
    const excluded = paths.filter((path) => layers.isExcluded(path)).length;
    expect(excluded).toBeGreaterThan(0);
    expect(excluded).toBeLessThan(paths.length);
  });

  it('keeps negations, suffix and prefix rules and directory-only rules of the defaults', () => {
    const layers = new IgnoreLayers();
    layers.add('', DEFAULT_IGNORE_PATTERNS);
    expect(layers.isExcluded('app/.env.local')).toBe(true);
    expect(layers.isExcluded('app/.env.example')).toBe(false);
    expect(layers.isExcluded('web/app.min.js')).toBe(true);
    expect(layers.isExcluded('web/build/out.js')).toBe(true);
    expect(layers.isExcluded('web/build')).toBe(false);
    expect(layers.isExcluded('src/main.rs')).toBe(false);
  });

  it('keeps a file excluded by the root layer through a parent a deeper layer re-includes', () => {
    const layers = new IgnoreLayers();
    layers.add('', ['*.map', 'gen*']);
    layers.add('src', ['!x.map', '!generated/']);
    expect(layers.isExcluded('src/x.map')).toBe(false);
    expect(layers.isExcluded('src/x.map/notes.txt')).toBe(true);
    expect(layers.isExcluded('src/generated/notes.txt')).toBe(true);
  });

  it('reads rules given as one text with CRLF line ends', () => {
    const layers = new IgnoreLayers();
    layers.add('pkg', '# generated\r\n*.snap\r\n!keep.snap\r\n');
    expect(layers.isExcluded('pkg/a/b.snap')).toBe(true);
    expect(layers.isExcluded('pkg/keep.snap')).toBe(false);
    expect(layers.isExcluded('b.snap')).toBe(false);
  });
});
