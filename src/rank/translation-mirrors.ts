/**
 * duplicate signal: translated copies of documentation. Multilingual docs keep one tree per language side by side
 * (`docs/en/…`, `docs/zh/…`, `docs/pt-BR/…`) with the same relative paths; a task that matches one page matches every
 * translation of it, and a reader wants the page once, in the source language. Detected from paths alone: sibling
 * directories named by language codes whose files mirror each other's relative paths.
 */

/**
 * Multiplier of a translation's relevance (and of its role score without a task). On fastapi (13 doc languages) a
 * focus matching one page gave its 5–7 translations skeletons in the 32k bundle; at 0.1 a translation weighs like a
 * generated file, below every test and example, so the source-language page stays and the copies drop to paths.
 * Measured on fastapi eval cases at 32k (commit message as focus): translated pages shown 5 → 3 (712 → 143 tokens)
 * for 0ec4bafca2 and 5 → 3 (1,130 → 219 tokens) for 25270fcee0; the rest are outlines of pages that score on words.
 */
export const TRANSLATION_FACTOR = 0.1;

/**
 * ISO 639-1 codes of languages documentation is commonly translated into. Codes that are also common directory names
 * in code (`io`, `os`, `ml`, `sh`, `ca`, `gl`, `ts`, `is`, `as`, `be`, `to`, `no`, `so`) are left out: a false match
 * would need a mirror as well, but there is no reason to risk it.
 */
const LANGUAGE_CODES = new Set(
  ('ar az bg bn cs da de el en eo es et fa fi fr he hi hu hy id it ja ka kk km ko ku lt lv mn nb nl pl pt ro ru sk sl ' +
    'sq sr sv sw ta te th tr uk ur uz vi zh').split(' '),
);

/** `zh`, `pt-BR`, `zh-hant`, `zh_CN`: a known code, optionally with a region or script part. */
const LANGUAGE_DIR = /^([a-z]{2})(?:[-_][A-Za-z]{2,4})?$/;

/** A translated file: the path of the same page in the source language and the translation's language directory. */
export interface Translation {
  readonly source: string;
  readonly language: string;
}

/** The language code of a directory name, or undefined. */
export function languageOfDirectory(name: string): string | undefined {
  const match = LANGUAGE_DIR.exec(name);
  return match !== null && LANGUAGE_CODES.has(match[1]!) ? name : undefined;
}

interface Placed {
  readonly path: string;
  readonly parent: string;
  readonly language: string;
  readonly rest: string;
}

/** Split a path at its first language directory: `docs/zh/a/b.md` → parent `docs`, language `zh`, rest `a/b.md`. */
function place(path: string): Placed | undefined {
  const segments = path.split('/');
  for (let index = 0; index + 1 < segments.length; index++) {
    const language = languageOfDirectory(segments[index]!);
    if (language === undefined) continue;
    return { path, parent: segments.slice(0, index).join('/'), language, rest: segments.slice(index + 1).join('/') };
  }
  return undefined;
}

/**
 * The source language among a parent's language directories: `en` when present (the usual source of translations),
 * else the one holding the most files, ties by code unit.
 */
function sourceLanguage(counts: ReadonlyMap<string, number>): string {
  if (counts.has('en')) return 'en';
  let best = '';
  let most = -1;
  for (const [language, count] of counts) {
    if (count > most || (count === most && language < best)) [best, most] = [language, count];
  }
  return best;
}

/**
 * Translated files among `paths`: a file under `P/<lang>/R` is a translation when `P` has at least two language
 * directories, `<lang>` is not the source language, and `P/<source>/R` exists too. A page found in one language only
 * is no copy of anything and is left alone.
 */
export function findTranslations(paths: readonly string[]): Map<string, Translation> {
  const placed = paths.map(place).filter((entry): entry is Placed => entry !== undefined);
  const languages = new Map<string, Map<string, number>>();
  const present = new Set<string>();
  for (const entry of placed) {
    const counts = languages.get(entry.parent) ?? new Map<string, number>();
    counts.set(entry.language, (counts.get(entry.language) ?? 0) + 1);
    languages.set(entry.parent, counts);
    present.add(`${entry.parent}\u0000${entry.language}\u0000${entry.rest}`);
  }
  const result = new Map<string, Translation>();
  for (const entry of placed) {
    const counts = languages.get(entry.parent)!;
    if (counts.size < 2) continue;
    const source = sourceLanguage(counts);
    if (entry.language === source || !present.has(`${entry.parent}\u0000${source}\u0000${entry.rest}`)) continue;
    const prefix = entry.parent === '' ? '' : `${entry.parent}/`;
    result.set(entry.path, { source: `${prefix}${source}/${entry.rest}`, language: entry.language });
  }
  return result;
}
