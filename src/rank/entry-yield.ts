/**
 * An entry point yields to a sibling the task names by file name. A command's or package's entry point (`main.go`,
 * `index.ts`, `app.py`) wires every feature of its directory, so it repeats the words of any task about one of them
 * (flags, help text, routes) and often outscores the file that does the work. When the task's words name a sibling's
 * file outright (`tsdb` for `cmd/promtool/tsdb.go`) and not the entry point's, the sibling is the place.
 */
import type { SourceFile } from '../shared/types.js';
import { classifyRole } from './file-role.js';
import { stemTerm } from './text-terms.js';

/**
 * An entry point is kept at most this share of its named sibling's relevance (just below it, like a sibling below its
 * best match). On prometheus's eval at 32k "promtool: Fixed tsdb dump silently dropping first samples…" had the
 * 14k-token cmd/promtool/main.go first (words 100 %, tsdb.go 78 %), taking the top files' room, and tsdb.go (5.9k,
 * the gold file) as a skeleton; yielding, tsdb.go is whole: feasible cases in full 8/12 → 9/12, no other case of the
 * seven trial repositories changed. A bonus for file-name words in the focus signal instead (BM25 over names, ×3)
 * won the same case but lost two of zod's (`types.ts` and `zod-*.ts` names took over "Clean up types loading" and
 * "Add Khmer locale support to Zod"): the rule stays between an entry point and its own directory.
 */
export const ENTRY_YIELD_SHARE = 0.95;
/**
 * It yields only to a sibling at least this share of its own relevance: a named file the other signals rate far lower
 * (unconnected, unchanged with the task's files) is a coincidence of words, not the task's file.
 */
export const ENTRY_YIELD_MIN_SHARE = 0.6;

const directoryOf = (path: string): string => path.slice(0, Math.max(0, path.lastIndexOf('/')));

/** `pathTerms`' split of a name into identifier parts. */
const NAME_PARTS = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g;

/**
 * True when every term of the file's name (extension dropped) is one of the task's terms: `pathTerms` of the name,
 * stopping at the first term that is not (on a 57k-file tree the full split of every name cost 80–100 ms).
 */
function nameIsNamed(path: string, focusTerms: ReadonlySet<string>): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1).replace(/\.[A-Za-z0-9]+$/, '');
  let terms = 0;
  for (const match of name.matchAll(NAME_PARTS)) {
    const part = match[0].toLowerCase();
    if (part.length < 2 || /^[0-9]+$/.test(part)) continue;
    if (!focusTerms.has(stemTerm(part))) return false;
    terms++;
  }
  return terms > 0;
}

/**
 * For each entry point whose name the task does not name, the source files beside it whose names it does (the
 * caller caps the entry point below the best of them). Empty when no file name is named.
 */
export function namedSiblingsOfEntryPoints(files: readonly SourceFile[], focusTerms: ReadonlySet<string>): Map<string, string[]> {
  const named = new Map<string, string[]>();
  if (focusTerms.size === 0) return new Map();
  for (const file of files) {
    // The name test first: it rules out nearly every file, and is cheaper than classifying the role.
    if (file.kind !== 'code' || !nameIsNamed(file.path, focusTerms) || classifyRole(file) !== 'source') continue;
    const directory = directoryOf(file.path);
    named.set(directory, [...(named.get(directory) ?? []), file.path]);
  }
  const result = new Map<string, string[]>();
  if (named.size === 0) return result;
  for (const file of files) {
    const siblings = named.get(directoryOf(file.path));
    if (siblings === undefined || classifyRole(file) !== 'entry-point' || nameIsNamed(file.path, focusTerms)) continue;
    result.set(file.path, siblings);
  }
  return result;
}

/**
 * The entry point's relevance after yielding: ENTRY_YIELD_SHARE of its best named sibling's when that is lower and
 * the sibling is within ENTRY_YIELD_MIN_SHARE; with the sibling it yielded to, for `--explain`.
 */
export function yieldedRelevance(
  relevance: number,
  siblings: readonly string[],
  relevanceOf: (path: string) => number,
): { relevance: number; to?: string } {
  let best: string | undefined;
  for (const sibling of siblings) if (best === undefined || relevanceOf(sibling) > relevanceOf(best)) best = sibling;
  if (best === undefined) return { relevance };
  const cap = ENTRY_YIELD_SHARE * relevanceOf(best);
  if (cap >= relevance || relevanceOf(best) < ENTRY_YIELD_MIN_SHARE * relevance) return { relevance };
  return { relevance: cap, to: best };
}
