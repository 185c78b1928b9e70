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
