/**
 * focus signal: how well each file matches a task text (an issue, a commit message, a stack trace). BM25 over path
 * terms and over content, plus strong matches for files the text names and files defining symbols it names.
 */
import type { SourceFile } from '../shared/types.js';
import { scoreBm25, type TermCounts } from './bm25.js';
import { findDefiningFiles, findMentions, findUsingFiles, pathMatches } from './focus-mentions.js';
import type { SignalScore } from './signal-types.js';
import { pathTermsByDirectory, termsOf } from './text-terms.js';

/** Path terms weigh this much more than content: a file named after the task's words is usually the place. */
export const FOCUS_PATH_WEIGHT = 2;
/** A file the text names by path is the task's own file: full relevance. */
export const FOCUS_PATH_MENTION = 1;
/** A file defining a symbol the text names; shared between files defining the same name. */
export const FOCUS_SYMBOL_MENTION = 0.7;
/**
 * A file using (not defining) a symbol the text names: where a change to the symbol lands, e.g. the module raising a
 * named error. Shared between the users like definitions are, so a symbol used everywhere says little. Below the
 * definition so the definer stays first; eval 32k (--no-syntax): fastapi all gold any/full 85/45% → 90/50%, prometheus
 * any 94% → 100%, others unchanged.
 */
export const FOCUS_SYMBOL_USE = 0.2;
/** Share of relevance from word matches (BM25 normalised by the best file). */
export const FOCUS_WORDS_SHARE = 0.8;
/**
 * A task text with at most this many content words and no path or symbol in it ("Remove _", "Revert merge changes",
 * "Close #4035") says nothing about where: ranking then leans on recent work instead (see rank-files).
 */
export const UNINFORMATIVE_MAX_TERMS = 1;

/** True when the task text names no file or symbol and has at most UNINFORMATIVE_MAX_TERMS content words. */
export function isUninformativeFocus(focus: string): boolean {
  const mentions = findMentions(focus);
  return mentions.paths.length === 0 && mentions.symbols.length === 0 && termsOf(focus).length <= UNINFORMATIVE_MAX_TERMS;
}

/** Only this many characters of a file are searched for words: enough for the substance, cheap for huge files. */
const CONTENT_SCAN_CHARS = 200_000;
/** At most this many query terms: a pasted log must not build a giant pattern. */
const MAX_QUERY_TERMS = 64;

/**
 * Count query terms in text: each term matched as a word start or a camelCase part, e.g. `header` in `getHeaders`
 * but not in `subheader`. The pattern is plain literals (fast to scan); the word boundary is checked per match.
 */
export function countTerms(text: string, pattern: RegExp): Map<string, number> {
  const counts = new Map<string, number>();
  for (const match of text.matchAll(pattern)) {
    const before = match.index === 0 ? 32 : text.charCodeAt(match.index - 1);
    const first = match[0].charCodeAt(0);
    const startsWord = !isAlphanumeric(before) || (isLowerOrDigit(before) && first >= 65 && first <= 90);
    if (!startsWord) continue;
    const term = match[0].toLowerCase();
    counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return counts;
}

function isLowerOrDigit(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

function isAlphanumeric(code: number): boolean {
  return isLowerOrDigit(code) || (code >= 65 && code <= 90);
}

/** The pattern `countTerms` uses for these (lower-case, alphanumeric) terms; longest first so prefixes lose. */
export function termPattern(terms: readonly string[]): RegExp {
  const sorted = [...terms].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  const variants = sorted.flatMap((term) => [`[${term[0]}${term[0]!.toUpperCase()}]${term.slice(1)}`, term.toUpperCase()]);
  return new RegExp(variants.join('|'), 'g');
}

function pathDocument(terms: readonly string[], queryTerms: ReadonlySet<string>): TermCounts {
  const counts = new Map<string, number>();
  for (const term of terms) if (queryTerms.has(term)) counts.set(term, (counts.get(term) ?? 0) + 1);
  return { counts, length: terms.length };
}

/**
 * Relevance in [0, 1] per file path for a task text; files with no match are absent. Word matches are normalised by
 * the best match after `weight` (the caller's role factor): when a test or a doc page matches the words best, source
 * files are still measured against the best file that could be what the task needs, not deflated by the test.
 */
export function focusSignal(
  files: readonly SourceFile[],
  focus: string,
  weight: (file: SourceFile) => number = () => 1,
): Map<string, SignalScore> {
  const queryTerms = termsOf(focus).slice(0, MAX_QUERY_TERMS);
  const result = new Map<string, SignalScore>();
  const words = queryTerms.length > 0 ? wordScores(files, queryTerms) : files.map(() => ({ score: 0, matched: [] }));
  const best = words.reduce((max, word, index) => Math.max(max, word.score * weight(files[index]!)), 0);
  const mentions = findMentions(focus);
  const symbolPoints = symbolScores(files, mentions.symbols);
  files.forEach((file, index) => {
    const reasons: string[] = [];
    let score = 0;
    const word = words[index]!;
    if (word.score > 0 && best > 0) {
      const share = Math.min(1, word.score / best);
      score += FOCUS_WORDS_SHARE * share;
      reasons.push(`focus words ${word.matched.slice(0, 4).join(',')} (${(100 * share).toFixed(0)}%)`);
    }
    const named = mentions.paths.find((mentioned) => pathMatches(file.path, mentioned));
    if (named !== undefined) {
      score += FOCUS_PATH_MENTION;
      reasons.push(`focus names ${named}`);
    }
    const symbol = symbolPoints.get(file.path);
    if (symbol) {
      score += symbol.score;
      reasons.push(...symbol.reasons);
    }
    if (score > 0) result.set(file.path, { score: Math.min(1, score), reasons, named: named !== undefined });
  });
  return result;
}

/** Points per file for defining or using the symbols a text names; each symbol's points are shared among its files. */
function symbolScores(files: readonly SourceFile[], symbols: readonly string[]): Map<string, SignalScore> {
  const defining = findDefiningFiles(files, symbols);
  const using = findUsingFiles(files, symbols, defining);
  const result = new Map<string, SignalScore>();
  const add = (found: ReadonlyMap<string, readonly string[]>, points: number, verb: string) => {
    const shared = new Map<string, number>();
    for (const names of found.values()) for (const name of names) shared.set(name, (shared.get(name) ?? 0) + 1);
    for (const [path, names] of found) {
      const score = Math.max(...names.map((name) => points / Math.sqrt(shared.get(name)!)));
      const previous = result.get(path);
      const reasons = [...(previous?.reasons ?? []), `${verb} ${names.slice(0, 3).join(',')}`];
      result.set(path, { score: (previous?.score ?? 0) + score, reasons });
    }
  };
  add(defining, FOCUS_SYMBOL_MENTION, 'defines');
  add(using, FOCUS_SYMBOL_USE, 'uses');
  return result;
}

function wordScores(files: readonly SourceFile[], queryTerms: readonly string[]): { score: number; matched: string[] }[] {
  const querySet = new Set(queryTerms);
  const pattern = termPattern(queryTerms);
  const contents = files.map((file): TermCounts => {
    const text = file.text.length > CONTENT_SCAN_CHARS ? file.text.slice(0, CONTENT_SCAN_CHARS) : file.text;
    return { counts: countTerms(text, pattern), length: text.length };
  });
  const termsOfPath = pathTermsByDirectory();
  const paths = files.map((file) => pathDocument(termsOfPath(file.path), querySet));
  const contentScores = scoreBm25(contents, queryTerms);
  const pathScores = scoreBm25(paths, queryTerms);
  return files.map((_, index) => {
    const matched = new Set([...paths[index]!.counts.keys(), ...contents[index]!.counts.keys()]);
    return {
      score: contentScores[index]! + FOCUS_PATH_WEIGHT * pathScores[index]!,
      matched: queryTerms.filter((term) => matched.has(term)),
    };
  });
}
