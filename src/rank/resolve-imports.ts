/**
 * Import specifier → files in the repository, per language. Unresolvable specifiers (third-party packages, the
 * standard library) resolve to nothing: only edges between collected files matter for ranking.
 */
import { posix } from 'node:path';
import type { ImportReference } from '../analyze/index.js';
import type { ResolveContext } from './resolve-context.js';

const SCRIPT_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.d.ts', '.vue', '.svelte', '.json'];
/** Files of one Go package linked per import; a huge package must not flood the graph. */
const MAX_GO_PACKAGE_FILES = 40;

/** A leading or trailing slash, an empty segment, or a `.` or `..` segment: what normalising would change. */
const IRREGULAR_PATH = /^\/|\/$|\/\/|(?:^|\/)\.\.?(?:\/|$)/;

/**
 * `directory/specifier`, normalised, `''` for the root. Most joins (Rust module paths, relative imports without
 * `..`) have nothing to normalise, so they are concatenated; `posix.normalize` on every probe was a fifth of import
 * resolution on a 43k-file tree.
 */
function join(directory: string, specifier: string): string {
  if (specifier !== '' && !IRREGULAR_PATH.test(specifier) && !IRREGULAR_PATH.test(directory)) {
    return directory === '' ? specifier : `${directory}/${specifier}`;
  }
  const joined = posix.normalize(posix.join(directory, specifier));
  return joined === '.' ? '' : joined;
}

/** `x` as a script file: itself, with an extension, `.js` written for a `.ts` source, or `x/index.*`. */
function scriptFile(context: ResolveContext, base: string): string | undefined {
  if (base === '' || base.startsWith('..')) return undefined;
  if (context.paths.has(base) && !context.byDirectory.has(base)) return base;
  const stem = base.replace(/\.(m|c)?jsx?$/, '');
  for (const extension of SCRIPT_EXTENSIONS) if (context.paths.has(stem + extension)) return stem + extension;
  for (const extension of SCRIPT_EXTENSIONS) if (context.paths.has(`${base}/index${extension}`)) return `${base}/index${extension}`;
  return undefined;
}

function resolveScript(context: ResolveContext, directory: string, specifier: string): string[] {
  if (specifier.startsWith('.')) return listOf(scriptFile(context, join(directory, specifier)));
  for (const alias of context.aliases) {
    if (!specifier.startsWith(alias.prefix) || !specifier.endsWith(alias.suffix)) continue;
    const middle = specifier.slice(alias.prefix.length, specifier.length - alias.suffix.length);
    for (const target of alias.targets) {
      const found = scriptFile(context, target.replace('*', middle));
      if (found) return [found];
    }
  }
  const parts = specifier.split('/');
  const nameLength = specifier.startsWith('@') ? 2 : 1;
  const workspace = context.packages.get(parts.slice(0, nameLength).join('/'));
  if (!workspace) return [];
  const rest = parts.slice(nameLength).join('/');
  if (rest !== '') return listOf(scriptFile(context, join(workspace.directory, rest)) ?? scriptFile(context, join(workspace.directory, `src/${rest}`)));
  for (const entry of workspace.main) {
    const found = scriptFile(context, join(workspace.directory, entry)) ?? scriptFile(context, join(workspace.directory, entry.replace(/^(\.\/)?(dist|lib|build|out)\//, 'src/')));
    if (found) return [found];
  }
  return [];
}

function resolvePython(context: ResolveContext, fromPath: string, specifier: string): string[] {
  const dots = /^\.*/.exec(specifier)![0].length;
  if (dots > 0) {
    let directory = posix.dirname(fromPath);
    for (let level = 1; level < dots; level++) directory = posix.dirname(directory);
    const rest = specifier.slice(dots).split('.').filter(Boolean).join('/');
    const base = join(directory === '.' ? '' : directory, rest);
    for (const candidate of [`${base}.py`, `${base}/__init__.py`, `${base}.pyi`]) if (context.paths.has(candidate)) return [candidate];
    return [];
  }
  const found = context.pythonModules.get(specifier);
  if (!found) return [];
  // Several files end in the same dotted name (`utils`): prefer the one closest to the root (the package itself).
  return [[...found].sort((a, b) => a.length - b.length || (a < b ? -1 : 1))[0]!];
}

function resolveGo(context: ResolveContext, specifier: string): string[] {
  for (const { directory, module } of context.goModules) {
    if (specifier !== module && !specifier.startsWith(module + '/')) continue;
    const packageDirectory = join(directory, specifier.slice(module.length + 1));
    const files = (context.byDirectory.get(packageDirectory) ?? []).filter((path) => path.endsWith('.go') && !path.endsWith('_test.go'));
    return files.slice(0, MAX_GO_PACKAGE_FILES);
  }
  return [];
}

/**
 * Rust module lookups already made, per context: the files of a crate repeat the same `use crate::…` paths, and each
 * lookup normalises a path per segment (0.26 s of CPU for 42k `use` declarations on a 43k-file tree).
 */
const rustModuleMemo = new WeakMap<ResolveContext, Map<string, readonly string[]>>();

/** `rustModule`, remembered per context, directory and segments (both fully determine its result). */
function rustModuleOnce(context: ResolveContext, directory: string, segments: readonly string[]): readonly string[] {
  let memo = rustModuleMemo.get(context);
  if (memo === undefined) {
    memo = new Map();
    rustModuleMemo.set(context, memo);
  }
  // Paths never hold a NUL and segments never a slash (they come from `[\w:]+`), so the key is unambiguous.
  const key = `${directory}\0${segments.join('/')}`;
  let found = memo.get(key);
  if (found === undefined) {
    found = rustModule(context, directory, segments);
    memo.set(key, found);
  }
  return found;
}

/** A Rust module path under a directory: `a/b.rs` or `a/b/mod.rs`, dropping trailing segments (items) until found. */
function rustModule(context: ResolveContext, directory: string, segments: readonly string[]): string[] {
  for (let length = segments.length; length > 0; length--) {
    const base = join(directory, segments.slice(0, length).join('/'));
    for (const candidate of [`${base}.rs`, `${base}/mod.rs`]) if (context.paths.has(candidate)) return [candidate];
  }
  // Only items were named (`use super::Budget`): the module file of the directory itself.
  for (const candidate of [`${directory}.rs`, `${directory}/mod.rs`, `${directory}/lib.rs`]) if (context.paths.has(candidate)) return [candidate];
  return [];
}

/** The directory holding the modules declared by this file: its own for mod.rs/lib.rs/main.rs, else `dir/<stem>`. */
function rustModuleDirectory(fromPath: string): string {
  const directory = posix.dirname(fromPath) === '.' ? '' : posix.dirname(fromPath);
  const stem = posix.basename(fromPath, '.rs');
  return ['mod', 'lib', 'main'].includes(stem) ? directory : join(directory, stem);
}

function resolveRustUse(context: ResolveContext, fromPath: string, specifier: string): readonly string[] {
  const [head, ...rest] = specifier.split('::');
  if (head === 'crate') {
    const source = fromPath.lastIndexOf('src/') === -1 ? '' : fromPath.slice(0, fromPath.lastIndexOf('src/') + 3);
    return rustModuleOnce(context, source, rest);
  }
  if (head === 'self') return rustModuleOnce(context, rustModuleDirectory(fromPath), rest);
  if (head === 'super') return rustModuleOnce(context, posix.dirname(rustModuleDirectory(fromPath)), rest);
  const crate = head === undefined ? undefined : context.crates.get(head);
  if (crate === undefined) return [];
  const found = rustModuleOnce(context, join(crate, 'src'), rest);
  return found.length > 0 ? found : listOf([join(crate, 'src/lib.rs')].find((path) => context.paths.has(path)));
}

function resolveBySuffix(context: ResolveContext, suffixPath: string, extensions: readonly string[]): string[] {
  const name = posix.basename(suffixPath);
  for (const extension of extensions) {
    const matches = (context.byBaseName.get(name + extension) ?? []).filter((path) => path === suffixPath + extension || path.endsWith(`/${suffixPath}${extension}`));
    if (matches.length > 0) return matches.slice(0, 1);
  }
  return [];
}

function listOf(path: string | undefined): string[] {
  return path === undefined ? [] : [path];
}

/** Files an import of `fromPath` (in `language`) refers to; empty when it names nothing in the repository. */
export function resolveImport(context: ResolveContext, fromPath: string, language: string | undefined, reference: ImportReference): readonly string[] {
  const parent = posix.dirname(fromPath);
  const directory = parent === '.' ? '' : parent;
  switch (reference.kind) {
    case 'module':
      if (language === 'python') return resolvePython(context, fromPath, reference.specifier);
      if (language === 'go') return resolveGo(context, reference.specifier);
      return resolveScript(context, directory, reference.specifier);
    case 'rust-mod':
      return rustModule(context, rustModuleDirectory(fromPath), [reference.specifier]);
    case 'rust-use':
      return resolveRustUse(context, fromPath, reference.specifier);
    case 'jvm': {
      const path = reference.specifier.replace(/\.\*$/, '').split('.');
      const found = resolveBySuffix(context, path.join('/'), ['.java', '.kt', '.scala']);
      return found.length > 0 ? found : resolveBySuffix(context, path.slice(0, -1).join('/'), ['.java', '.kt', '.scala']);
    }
    case 'include': {
      const local = join(directory, reference.specifier);
      if (context.paths.has(local)) return [local];
      return resolveBySuffix(context, reference.specifier.replace(/\.[^./]+$/, ''), [posix.extname(reference.specifier)]);
    }
  }
}
