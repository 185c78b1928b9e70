/**
 * Words for matching a task text against files: identifiers split at camelCase, snake_case, kebab-case and digits,
 * lower-cased, stop words dropped, lightly stemmed. Used for both the query and path segments.
 */

/** Shorter words carry too little to match on (`a`, `is`, `to`). */
export const MIN_TERM_CHARS = 3;

/**
 * English function words plus verbs that open most commit messages and issue titles ("fix", "add", "update"): they say
 * what kind of change, not where.
 */
const STOP_WORDS = new Set(
  ('the and for with from into that this then than when where which while what who why how are was were been being ' +
    'has have had not but can could should would will shall may might must its our your their there these those them ' +
    'also only just more most some any all each other such use used using via per yet out off onto over under about ' +
    'fix fixes fixed fixing add adds added adding update updates updated updating remove removes removed removing ' +
    'change changes changed make makes made allow allows improve improves improved support supports refactor bump ' +
    'minor typo typos small new now get set see issue issues pull request merge merged branch commit version release ' +
    'docs doc readme test tests co authored signed off http https www com org github')
    .split(' '),
);

const IDENTIFIER_PARTS = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g;

/** `getHTTPResponse_v2` → `get`, `http`, `response`, `v`, `2` (lower case, in order). */
export function splitIdentifier(word: string): string[] {
  return (word.match(IDENTIFIER_PARTS) ?? []).map((part) => part.toLowerCase());
}

/**
 * A light suffix stemmer: enough that `routes`, `routing` and `routed` meet `route`, and cheap. Suffixes are removed
 * only when at least MIN_TERM_CHARS characters remain.
 */
export function stemTerm(term: string): string {
  for (const suffix of ['ations', 'ation', 'ings', 'ing', 'ies', 'ers', 'er', 'ed', 'es', 's']) {
    if (term.endsWith(suffix) && term.length - suffix.length >= MIN_TERM_CHARS + 1) {
      const stem = term.slice(0, -suffix.length);
      return suffix === 'ies' ? stem + 'y' : stem;
    }
  }
  return term;
}

/** Letters only: a word that splits into parts here is a mixed-case compound (`MkDocs`, `OAuth`). */
const LETTERS_ONLY = /^[A-Za-z]+$/;

/**
 * Distinct stemmed terms of a text, stop words and short words removed, in first-seen order. A mixed-case word gives
 * its parts and itself whole: "Migrate docs from MkDocs" must meet `mkdocs.yml` and `mkdocs build`, which its parts
 * (`mk`, too short, and `docs`, a stop word) never do.
 */
export function termsOf(text: string): string[] {
  const terms = new Set<string>();
  for (const word of text.match(/[A-Za-z0-9_]+/g) ?? []) {
    const parts = splitIdentifier(word);
    for (const part of parts) {
      if (part.length < MIN_TERM_CHARS || STOP_WORDS.has(part) || /^[0-9]+$/.test(part)) continue;
      terms.add(stemTerm(part));
    }
    if (parts.length > 1 && LETTERS_ONLY.test(word)) terms.add(stemTerm(word.toLowerCase()));
  }
  return [...terms];
}

/** Stemmed terms of a path's segments and file name, extension dropped: `src/fit/choose-levels.ts` → src, fit, choose, level. */
export function pathTerms(path: string, stem: (part: string) => string = stemTerm): string[] {
  const withoutExtension = path.replace(/\.[A-Za-z0-9]+$/, '');
  const terms: string[] = [];
  for (const part of splitIdentifier(withoutExtension)) {
    if (part.length >= 2 && !/^[0-9]+$/.test(part)) terms.push(stem(part));
  }
  return terms;
}

/**
 * `pathTerms` for many paths, each directory split once: no identifier part spans a `/`, so a path's terms are its
 * directory's followed by its file name's. On a 57k-file tree of deep, shared directories this was most of the
 * focus signal's path work.
 */
export function pathTermsByDirectory(): (path: string) => string[] {
  const byDirectory = new Map<string, string[]>();
  const stems = new Map<string, string>();
  const stem = (part: string) => {
    let stemmed = stems.get(part);
    if (stemmed === undefined) {
      stemmed = stemTerm(part);
      stems.set(part, stemmed);
    }
    return stemmed;
  };
  return (path) => {
    const slash = path.lastIndexOf('/');
    if (slash < 0) return pathTerms(path, stem);
    const directory = path.slice(0, slash);
    let directoryTerms = byDirectory.get(directory);
    if (directoryTerms === undefined) {
      directoryTerms = pathTerms(`${directory}/`, stem);
      byDirectory.set(directory, directoryTerms);
    }
    return [...directoryTerms, ...pathTerms(path.slice(slash + 1), stem)];
  };
}
