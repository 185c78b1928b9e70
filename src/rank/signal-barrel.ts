/**
 * barrel signal: re-export modules (an `index.ts` or `external.ts` of `export … from` lines, a Python `__init__.py` of
 * imports) that import one of the task's best matches. A new public name added to that module is exported there too,
 * so the task usually touches them, yet they share few of its words and are one edge among hundreds in the graph.
 * They are small: raising them costs a few hundred tokens.
 */
import type { SourceFile } from '../shared/types.js';
import type { ImportGraph } from './import-graph.js';
import type { SiblingScore } from './signal-sibling.js';

/**
 * Barrel seeds: this many of the task's best focus matches (those within the sibling seeds' share of the best); the
 * re-export modules importing them are raised like siblings (below the match, see BARREL_SHARE). Several, not
 * one: a task's best focus matches often tie (symbol definitions cap at 1), and a barrel re-exports the whole package.
 * On zod's eval at 32k "Add z.toZod helper" took classic/external.ts and mini/external.ts (346 and 261 tokens, ranked
 * 19th and 43rd) to full: all gold in full 45 → 50 %, feasible cases 9/13 → 10/13; prometheus (Go) unchanged.
 */
export const BARREL_SEED_COUNT = 3;
/**
 * A barrel's score is this share of its seed's: half a sibling's lift (+0.1 relevance at most). At the sibling's full
 * lift fastapi/security/__init__.py (a barrel of the wrong best match, security/api_key.py, in "Fix unformatted
 * `{type_}` in FastAPIError") took one of the six top-file places from the gold fastapi/utils.py (fastapi all gold in
 * full 70 → 65 %); zod's two barrels are cheap and need less to be bought whole.
 */
export const BARREL_SHARE = 0.5;
/** A barrel is at most this long: a module of re-exports that size is a package's public list, not code. */
export const BARREL_MAX_CHARS = 4000;

const ECMASCRIPT_LANGUAGES = new Set(['typescript', 'tsx', 'javascript']);
/** Comments, `export … from '…'`, `import … from '…'` and bare `import '…'` statements: what a JS/TS barrel is made of. */
const ECMASCRIPT_NOISE = [
  /\/\*[\s\S]*?\*\//g,
  /\/\/[^\n]*/g,
  /\b(?:export|import)\s[^'";]*?\bfrom\s*['"][^'"\n]+['"]\s*;?/g,
  /\bimport\s*['"][^'"\n]+['"]\s*;?/g,
];
/** Comments, docstrings, `from … import …` (also parenthesised), `import …` and `__all__ = […]`: a Python barrel. */
const PYTHON_NOISE = [
  /("""|''')[\s\S]*?\1/g,
  /#[^\n]*/g,
  /^[ \t]*from[ \t]+[\w.]+[ \t]+import[ \t]+(?:\([^)]*\)|[^\n]*)/gm,
  /^[ \t]*import[ \t]+[^\n]*/gm,
  /^__all__[ \t]*=[ \t]*[[(][^\])]*[\])]/gm,
];

/** True for a small code file that only imports and re-exports (at least one statement, nothing else). */
export function isReexportModule(file: SourceFile): boolean {
  if (file.kind !== 'code' || file.text.length > BARREL_MAX_CHARS || file.text.trim() === '') return false;
  const noise = ECMASCRIPT_LANGUAGES.has(file.language ?? '') ? ECMASCRIPT_NOISE : file.language === 'python' ? PYTHON_NOISE : undefined;
  if (noise === undefined) return false;
  let rest = file.text;
  for (const pattern of noise) rest = rest.replace(pattern, ' ');
  return rest.trim() === '';
}

/**
 * Barrel score in [0, 1] per file: each seed (a best match, with its share of the best score in (0, 1]) passes its
 * share to the re-export modules importing it; the best seed wins and is named, so the caller can keep the barrel
 * below it.
 */
export function barrelSignal(
  files: readonly SourceFile[],
  graph: ImportGraph,
  seeds: ReadonlyMap<string, number>,
): Map<string, SiblingScore> {
  const indexOf = new Map(files.map((file, index) => [file.path, index]));
  const result = new Map<string, SiblingScore>();
  for (const [seed, share] of seeds) {
    const seedIndex = indexOf.get(seed);
    if (seedIndex === undefined) continue;
    for (const importer of graph.importedBy[seedIndex] ?? []) {
      const file = files[importer]!;
      const score = BARREL_SHARE * share;
      if (seeds.has(file.path) || (result.get(file.path)?.score ?? 0) >= score || !isReexportModule(file)) continue;
      result.set(file.path, { score, seed, reasons: [`re-exports ${seed}`] });
    }
  }
  return result;
}
