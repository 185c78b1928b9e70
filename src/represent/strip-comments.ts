/**
 * Comment removal with a small lexer, for languages where strings and comments are all a lexer must know to be
 * safe. JavaScript/TypeScript are left out on purpose (regex literals and template strings make a lexer unsafe);
 * tree-sitter handles them. Doc comments (`/** … *\/`, `///`, `//!`) are kept: they carry API meaning.
 */

type CommentSyntax = 'c-like' | 'hash';

const SYNTAX_BY_LANGUAGE: Readonly<Record<string, CommentSyntax>> = {
  c: 'c-like', cpp: 'c-like', csharp: 'c-like', java: 'c-like', go: 'c-like', rust: 'c-like', kotlin: 'c-like',
  swift: 'c-like', scala: 'c-like', dart: 'c-like', css: 'c-like', scss: 'c-like', less: 'c-like',
  python: 'hash',
};

/** True when `stripComments` can handle this language safely. */
export function canStripComments(language: string | undefined): boolean {
  return language !== undefined && language in SYNTAX_BY_LANGUAGE;
}

/** Remove ordinary comments; returns the text unchanged for unsupported languages. */
export function stripComments(text: string, language: string | undefined): string {
  const syntax = language === undefined ? undefined : SYNTAX_BY_LANGUAGE[language];
  if (syntax === 'c-like') return stripCLike(text, language === 'go');
  if (syntax === 'hash') return stripPythonHash(text);
  return text;
}

/** Index just past a quoted literal starting at `start` (escape-aware); the text end when unterminated. */
function skipQuoted(text: string, start: number, quote: string): number {
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') i++;
    else if (ch === quote) return i + 1;
    else if (ch === '\n' && quote !== '`') return i;
  }
  return text.length;
}

/** A `'` opens a char literal only when it closes soon (`'a'`, `'\n'`, `'\u{1F600}'`); otherwise (Rust lifetimes) not. */
function charLiteralEnd(text: string, start: number): number | undefined {
  const match = /^'(?:\\[^']{1,10}|[^'\\\n]{1,2})'/.exec(text.slice(start, start + 14));
  return match ? start + match[0].length : undefined;
}

function stripCLike(text: string, hasRawBackquoteStrings: boolean): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const next = text[i + 1];
    if (ch === '"' || (ch === '`' && hasRawBackquoteStrings)) {
      const end = skipQuoted(text, i, ch);
      out += text.slice(i, end);
      i = end;
    } else if (ch === "'") {
      const end = charLiteralEnd(text, i) ?? i + 1;
      out += text.slice(i, end);
      i = end;
    } else if (ch === '/' && next === '/') {
      const end = text.indexOf('\n', i) === -1 ? text.length : text.indexOf('\n', i);
      const isDoc = text[i + 2] === '/' || text[i + 2] === '!';
      if (isDoc) out += text.slice(i, end);
      i = end;
    } else if (ch === '/' && next === '*') {
      const close = text.indexOf('*/', i + 2);
      const end = close === -1 ? text.length : close + 2;
      const isDoc = text[i + 2] === '*' && text[i + 3] !== '/';
      // Keep the newlines a removed comment spanned so lines still align with the original.
      out += isDoc ? text.slice(i, end) : ' ' + '\n'.repeat(countNewlines(text, i, end));
      i = end;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

function stripPythonHash(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"' || ch === "'") {
      const triple = text.startsWith(ch.repeat(3), i);
      const end = triple ? skipTriple(text, i, ch.repeat(3)) : skipQuoted(text, i, ch);
      out += text.slice(i, end);
      i = end;
    } else if (ch === '#') {
      const newline = text.indexOf('\n', i);
      i = newline === -1 ? text.length : newline;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

function skipTriple(text: string, start: number, delimiter: string): number {
  for (let i = start + 3; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text.startsWith(delimiter, i)) return i + 3;
  }
  return text.length;
}

function countNewlines(text: string, start: number, end: number): number {
  let count = 0;
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 10) count++;
  return count;
}
