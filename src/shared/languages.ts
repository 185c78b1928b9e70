import type { FileKind } from './types.js';

/** What we know about a file from its name alone. */
export interface LanguageInfo {
  /** Language id, used for fences in the markdown style and to pick a grammar. */
  readonly language: string;
  readonly kind: FileKind;
}

const BY_EXTENSION: Readonly<Record<string, LanguageInfo>> = {
  ts: { language: 'typescript', kind: 'code' },
  mts: { language: 'typescript', kind: 'code' },
  cts: { language: 'typescript', kind: 'code' },
  tsx: { language: 'tsx', kind: 'code' },
  js: { language: 'javascript', kind: 'code' },
  mjs: { language: 'javascript', kind: 'code' },
  cjs: { language: 'javascript', kind: 'code' },
  jsx: { language: 'javascript', kind: 'code' },
  py: { language: 'python', kind: 'code' },
  pyi: { language: 'python', kind: 'code' },
  go: { language: 'go', kind: 'code' },
  rs: { language: 'rust', kind: 'code' },
  java: { language: 'java', kind: 'code' },
  kt: { language: 'kotlin', kind: 'code' },
  kts: { language: 'kotlin', kind: 'code' },
  swift: { language: 'swift', kind: 'code' },
  c: { language: 'c', kind: 'code' },
  h: { language: 'c', kind: 'code' },
  cc: { language: 'cpp', kind: 'code' },
  cpp: { language: 'cpp', kind: 'code' },
  cxx: { language: 'cpp', kind: 'code' },
  hpp: { language: 'cpp', kind: 'code' },
  hh: { language: 'cpp', kind: 'code' },
  cs: { language: 'csharp', kind: 'code' },
  rb: { language: 'ruby', kind: 'code' },
  php: { language: 'php', kind: 'code' },
  sh: { language: 'bash', kind: 'code' },
  bash: { language: 'bash', kind: 'code' },
  zsh: { language: 'bash', kind: 'code' },
  scala: { language: 'scala', kind: 'code' },
  lua: { language: 'lua', kind: 'code' },
  dart: { language: 'dart', kind: 'code' },
  ex: { language: 'elixir', kind: 'code' },
  exs: { language: 'elixir', kind: 'code' },
  erl: { language: 'erlang', kind: 'code' },
  hs: { language: 'haskell', kind: 'code' },
  ml: { language: 'ocaml', kind: 'code' },
  r: { language: 'r', kind: 'code' },
  pl: { language: 'perl', kind: 'code' },
  sql: { language: 'sql', kind: 'code' },
  vue: { language: 'vue', kind: 'code' },
  svelte: { language: 'svelte', kind: 'code' },
  html: { language: 'html', kind: 'code' },
  htm: { language: 'html', kind: 'code' },
  css: { language: 'css', kind: 'code' },
  scss: { language: 'scss', kind: 'code' },
  less: { language: 'less', kind: 'code' },
  md: { language: 'markdown', kind: 'doc' },
  mdx: { language: 'markdown', kind: 'doc' },
  markdown: { language: 'markdown', kind: 'doc' },
  rst: { language: 'rst', kind: 'doc' },
  txt: { language: 'text', kind: 'doc' },
  adoc: { language: 'asciidoc', kind: 'doc' },
  json: { language: 'json', kind: 'config' },
  jsonc: { language: 'json', kind: 'config' },
  json5: { language: 'json', kind: 'config' },
  yaml: { language: 'yaml', kind: 'config' },
  yml: { language: 'yaml', kind: 'config' },
  toml: { language: 'toml', kind: 'config' },
  ini: { language: 'ini', kind: 'config' },
  cfg: { language: 'ini', kind: 'config' },
  xml: { language: 'xml', kind: 'config' },
  gradle: { language: 'groovy', kind: 'config' },
  csv: { language: 'csv', kind: 'data' },
  tsv: { language: 'tsv', kind: 'data' },
  ipynb: { language: 'jupyter', kind: 'data' },
  svg: { language: 'xml', kind: 'data' },
  lock: { language: 'text', kind: 'data' },
};

const BY_NAME: Readonly<Record<string, LanguageInfo>> = {
  Dockerfile: { language: 'dockerfile', kind: 'config' },
  Makefile: { language: 'make', kind: 'config' },
  makefile: { language: 'make', kind: 'config' },
  GNUmakefile: { language: 'make', kind: 'config' },
  CMakeLists: { language: 'cmake', kind: 'config' },
  Gemfile: { language: 'ruby', kind: 'config' },
  Rakefile: { language: 'ruby', kind: 'code' },
  Jenkinsfile: { language: 'groovy', kind: 'config' },
  LICENSE: { language: 'text', kind: 'doc' },
  README: { language: 'text', kind: 'doc' },
};

// Maps, not the objects: a file named `constructor` or `x.toString` must not find Object.prototype's members.
const NAMES: ReadonlyMap<string, LanguageInfo> = new Map(Object.entries(BY_NAME));
const EXTENSIONS: ReadonlyMap<string, LanguageInfo> = new Map(Object.entries(BY_EXTENSION));

/** Language and kind from a POSIX path; unknown extensions are `code`-less `doc` text with no language. */
export function detectLanguage(path: string): { language: string | undefined; kind: FileKind } {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const byName = NAMES.get(name) ?? NAMES.get(name.replace(/\.txt$/, ''));
  if (byName) return byName;
  const dot = name.lastIndexOf('.');
  if (dot > 0) {
    const info = EXTENSIONS.get(name.slice(dot + 1).toLowerCase());
    if (info) return info;
  }
  return { language: undefined, kind: 'doc' };
}
