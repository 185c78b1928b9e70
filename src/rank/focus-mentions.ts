/**
 * What a task text names outright: file paths (also inside stack-trace frames such as `at foo (src/x.ts:12:3)` or
 * `File "a/b.py", line 3`) and code symbols (`parseBudget`, `choose_levels`, `` `Plan` ``). A named file or the file
 * defining a named symbol is a much stronger hint than shared words.
 */
import type { SourceFile } from '../shared/types.js';

/** Path-like words: at least one dot-extension or slash, optionally followed by `:line[:column]`. */
const PATH_WORD = /[\w@$~.\\/-]*[\w-]\.[A-Za-z][A-Za-z0-9]{0,9}(?=[:\s"'`),;\]]|$)|[\w.-]+(?:\/[\w.-]+)+/g;
/** Identifiers that look like code rather than prose: inner capitals, underscores, or a call. */
const CODE_WORD = /\b(?:[a-z]+[A-Z]\w*|[A-Z][a-z0-9]+[A-Z]\w*|\w+_\w+)\b|\b\w{3,}(?=\()|`(\w{3,})`/g;
/** Shortest symbol name matched as a definition; shorter ones (`id`, `fn`) match far too much. */
const MIN_SYMBOL_CHARS = 4;
/** At most this many symbols are looked up, so a pasted log cannot build an enormous pattern. */
const MAX_SYMBOLS = 40;

/** Path words and code symbols found in a task text. */
export interface FocusMentions {
  readonly paths: readonly string[];
  readonly symbols: readonly string[];
}

/** Extract mentioned paths (normalised to POSIX, no leading `./`, no line suffix) and code-like symbols. */
export function findMentions(text: string): FocusMentions {
  const paths = new Set<string>();
  for (const match of text.matchAll(PATH_WORD)) {
    const path = match[0].replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/^\/+/, '');
    if (path.length >= 3 && !/^\d+(\.\d+)+$/.test(path) && !/^https?:/.test(path)) paths.add(path);
  }
  const symbols = new Set<string>();
  for (const match of text.matchAll(CODE_WORD)) {
    const symbol = match[1] ?? match[0];
    if (symbol.length >= MIN_SYMBOL_CHARS && !/^\d/.test(symbol)) symbols.add(symbol);
    if (symbols.size >= MAX_SYMBOLS) break;
  }
  return { paths: [...paths], symbols: [...symbols] };
}

/** True when a mentioned path names this file: equal, a suffix at a `/` boundary, or an absolute path ending in it. */
export function pathMatches(filePath: string, mentioned: string): boolean {
  if (filePath === mentioned) return true;
  if (filePath.endsWith('/' + mentioned)) return true;
  return mentioned.endsWith('/' + filePath);
}

/**
 * Files that define one of the symbols (by a keyword before the name: `def`, `class`, `function`, `func (r *T)`,
 * `fn`, `type`, `interface`, `struct`, `const`…), with the symbols each defines.
 */
export function findDefiningFiles(files: readonly SourceFile[], symbols: readonly string[]): Map<string, string[]> {
  const result = new Map<string, string[]>();
  if (symbols.length === 0) return result;
  const names = symbols.map((symbol) => symbol.replace(/[^\w]/g, '')).filter((name) => name !== '');
  const pattern = new RegExp(
    `\\b(?:def|class|function|func(?:\\s*\\([^)]*\\))?|fn|type|interface|struct|enum|trait|const|let|var|val|object)\\s+(${names.join('|')})\\b`,
    'g',
  );
  for (const file of files) {
    // A substring test first: the keyword pattern is slow to run over every file of a large repository.
    if (file.kind !== 'code' || !names.some((name) => file.text.includes(name))) continue;
    const found = new Set<string>();
    for (const match of file.text.matchAll(pattern)) found.add(match[1]!);
    if (found.size > 0) result.set(file.path, [...found].sort());
  }
  return result;
}

function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 36;
}

/** True when `name` occurs in `text` as a whole identifier (not inside a longer one). */
function containsWord(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
    const before = at === 0 ? 32 : text.charCodeAt(at - 1);
    const after = at + name.length >= text.length ? 32 : text.charCodeAt(at + name.length);
    if (!isWordChar(before) && !isWordChar(after)) return true;
  }
  return false;
}

/**
 * Code files that use a symbol without defining it (the places a change to that symbol reaches), with the symbols
 * each uses. `defining` is `findDefiningFiles`' answer for the same symbols.
 */
export function findUsingFiles(
  files: readonly SourceFile[],
  symbols: readonly string[],
  defining: ReadonlyMap<string, readonly string[]>,
): Map<string, string[]> {
  const result = new Map<string, string[]>();
  const names = [...new Set(symbols.map((symbol) => symbol.replace(/[^\w$]/g, '')).filter((name) => name !== ''))];
  if (names.length === 0) return result;
  for (const file of files) {
    if (file.kind !== 'code') continue;
    const defined = defining.get(file.path) ?? [];
    const used = names.filter((name) => !defined.includes(name) && containsWord(file.text, name));
    if (used.length > 0) result.set(file.path, used.sort());
  }
  return result;
}
