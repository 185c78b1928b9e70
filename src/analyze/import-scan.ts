/**
 * Cheap import extraction for every file, by regular expressions over the text (tree-sitter parses only the files
 * that may need a skeleton). It over-approximates a little (an import inside a string is counted): the ranking graph
 * tolerates a stray edge far better than a missing one, and resolution drops specifiers that name no file.
 */
import type { SourceFile } from '../shared/types.js';
import { scanRustImports } from './rust-import-scan.js';

/**
 * How a specifier should be resolved: `module` paths (`./x`, `pkg/y`, Python `a.b`, Go import paths), Rust `mod`
 * declarations (a sibling file), Rust `use` paths (`crate::a::b`), JVM packages or classes, C includes in quotes.
 */
export type ImportKind = 'module' | 'rust-mod' | 'rust-use' | 'jvm' | 'include';

/** One import found in a file's text. */
export interface ImportReference {
  readonly kind: ImportKind;
  /** The specifier as written, e.g. `./util`, `..models`, `github.com/gin-gonic/gin/render`, `crate::fit::plan`. */
  readonly specifier: string;
}

/** Only the start of a file is scanned: imports sit at the top, and a huge data-like file must stay cheap. */
export const IMPORT_SCAN_MAX_CHARS = 64 * 1024;

const ECMASCRIPT = [
  /\b(?:import|export)\s[^'";]*?\bfrom\s*['"]([^'"\n]+)['"]/g,
  /\bimport\s*['"]([^'"\n]+)['"]/g,
  /\b(?:require|import)\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g,
];
const PYTHON_FROM = /^[ \t]*from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+\(?([^#\n)]*)/gm;
const PYTHON_IMPORT = /^[ \t]*import[ \t]+([\w., \t]+)/gm;
const GO_BLOCK = /\bimport\s*\(([^)]*)\)/g;
const GO_SINGLE = /\bimport\s+(?:[\w.]+\s+)?"([^"\n]+)"/g;
const GO_QUOTED = /"([^"\n]+)"/g;
const JVM_IMPORT = /^[ \t]*import\s+(?:static\s+)?([\w.]+)/gm;
const C_INCLUDE = /^[ \t]*#[ \t]*include[ \t]*"([^"\n]+)"/gm;

function collect(text: string, pattern: RegExp, kind: ImportKind, into: ImportReference[], group = 1): void {
  for (const match of text.matchAll(pattern)) {
    const specifier = match[group];
    if (specifier) into.push({ kind, specifier });
  }
}

function scanPython(text: string, into: ImportReference[]): void {
  for (const match of text.matchAll(PYTHON_FROM)) {
    const base = match[1]!;
    into.push({ kind: 'module', specifier: base });
    // `from . import a, b` and `from pkg import sub`: each name may be a submodule.
    for (const name of match[2]!.split(',')) {
      const word = name.trim().split(/\s+/)[0];
      if (word && /^\w+$/.test(word)) into.push({ kind: 'module', specifier: base.endsWith('.') ? base + word : `${base}.${word}` });
    }
  }
  for (const match of text.matchAll(PYTHON_IMPORT)) {
    for (const name of match[1]!.split(',')) {
      const word = name.trim().split(/\s+/)[0];
      if (word) into.push({ kind: 'module', specifier: word });
    }
  }
}

function scanGo(text: string, into: ImportReference[]): void {
  for (const block of text.matchAll(GO_BLOCK)) collect(block[1]!, GO_QUOTED, 'module', into);
  collect(text, GO_SINGLE, 'module', into);
}

/** Imports of one file, in order of appearance per pattern; empty for languages without a rule. */
export function scanImports(file: SourceFile): ImportReference[] {
  const text = file.text.length > IMPORT_SCAN_MAX_CHARS ? file.text.slice(0, IMPORT_SCAN_MAX_CHARS) : file.text;
  const found: ImportReference[] = [];
  switch (file.language) {
    case 'typescript':
    case 'tsx':
    case 'javascript':
    case 'vue':
    case 'svelte':
      for (const pattern of ECMASCRIPT) collect(text, pattern, 'module', found);
      break;
    case 'python':
      scanPython(text, found);
      break;
    case 'go':
      scanGo(text, found);
      break;
    case 'rust':
      scanRustImports(text, found);
      break;
    case 'java':
    case 'kotlin':
    case 'scala':
      collect(text, JVM_IMPORT, 'jvm', found);
      break;
    case 'c':
    case 'cpp':
      collect(text, C_INCLUDE, 'include', found);
      break;
    default:
      break;
  }
  return found;
}
