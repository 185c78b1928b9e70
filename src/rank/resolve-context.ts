/**
 * Lookup tables built once per repository for resolving imports: every path, files by directory and by base name,
 * workspace packages (package.json `name`), tsconfig `paths`, Go modules (go.mod), Rust crates (Cargo.toml) and
 * Python modules by dotted name.
 */
import { posix } from 'node:path';
import type { SourceFile } from '../shared/types.js';

/** A package.json inside the repository. */
export interface WorkspacePackage {
  readonly directory: string;
  readonly main: readonly string[];
}

/** Everything the resolvers look up. */
export interface ResolveContext {
  readonly paths: ReadonlySet<string>;
  readonly byDirectory: ReadonlyMap<string, readonly string[]>;
  readonly byBaseName: ReadonlyMap<string, readonly string[]>;
  readonly packages: ReadonlyMap<string, WorkspacePackage>;
  /** tsconfig `paths` of the root tsconfig/jsconfig: pattern (with `*`) → targets relative to the root. */
  readonly aliases: readonly { readonly prefix: string; readonly suffix: string; readonly targets: readonly string[] }[];
  readonly goModules: readonly { readonly directory: string; readonly module: string }[];
  /** Rust crate name (dashes as underscores) → directory holding its Cargo.toml. */
  readonly crates: ReadonlyMap<string, string>;
  /** Python dotted module name (every suffix of the path) → files. */
  readonly pythonModules: ReadonlyMap<string, readonly string[]>;
}

/** Parse JSON with comments and trailing commas (tsconfig); undefined when it still fails. */
export function parseLooseJson(text: string): unknown {
  const withoutComments = text.replace(/("(?:[^"\\\n]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (_, string: string | undefined) => string ?? '');
  try {
    return JSON.parse(withoutComments.replace(/,(\s*[}\]])/g, '$1'));
  } catch {
    return undefined;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Entry files a package.json names: `exports["."]` (string or conditions), `module`, `main`, `types`, then src/index. */
function packageEntries(manifest: Record<string, unknown>): string[] {
  const entries: string[] = [];
  const add = (value: unknown): void => {
    if (typeof value === 'string') entries.push(value);
    else if (value && typeof value === 'object') for (const nested of Object.values(value)) add(nested);
  };
  const exports = manifest.exports;
  add(exports && typeof exports === 'object' && '.' in exports ? (exports as Record<string, unknown>)['.'] : exports);
  for (const key of ['source', 'module', 'main', 'types']) add(manifest[key]);
  return [...entries, 'src/index', 'index'];
}

function readAliases(files: ReadonlyMap<string, SourceFile>): ResolveContext['aliases'] {
  const config = files.get('tsconfig.json') ?? files.get('jsconfig.json');
  const parsed = config ? (parseLooseJson(config.text) as { compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> } } | undefined) : undefined;
  const options = parsed?.compilerOptions;
  if (!options?.paths) return [];
  const base = options.baseUrl ?? '.';
  return Object.entries(options.paths).map(([pattern, targets]) => {
    const star = pattern.indexOf('*');
    return {
      prefix: star === -1 ? pattern : pattern.slice(0, star),
      suffix: star === -1 ? '' : pattern.slice(star + 1),
      targets: (Array.isArray(targets) ? targets : []).map((target) => posix.normalize(posix.join(base, target))),
    };
  });
}

/** Build the tables from the collected files. */
export function buildResolveContext(files: readonly SourceFile[]): ResolveContext {
  const byPath = new Map(files.map((file) => [file.path, file]));
  const byDirectory = new Map<string, string[]>();
  const byBaseName = new Map<string, string[]>();
  const packages = new Map<string, WorkspacePackage>();
  const goModules: { directory: string; module: string }[] = [];
  const crates = new Map<string, string>();
  const pythonModules = new Map<string, string[]>();
  for (const file of files) {
    const directory = posix.dirname(file.path);
    const name = posix.basename(file.path);
    push(byDirectory, directory === '.' ? '' : directory, file.path);
    push(byBaseName, name, file.path);
    const dir = directory === '.' ? '' : directory;
    if (name === 'package.json') {
      const manifest = parseLooseJson(file.text) as Record<string, unknown> | undefined;
      if (manifest && typeof manifest.name === 'string') packages.set(manifest.name, { directory: dir, main: packageEntries(manifest) });
    } else if (name === 'go.mod') {
      const module = /^module\s+(\S+)/m.exec(file.text)?.[1];
      if (module) goModules.push({ directory: dir, module });
    } else if (name === 'Cargo.toml') {
      const crate = /^\[package\][^[]*?^name\s*=\s*"([^"]+)"/ms.exec(file.text)?.[1];
      if (crate) crates.set(crate.replace(/-/g, '_'), dir);
    } else if (file.language === 'python') {
      const parts = file.path.replace(/\.pyi?$/, '').split('/');
      if (parts[parts.length - 1] === '__init__') parts.pop();
      for (let start = 0; start < parts.length; start++) push(pythonModules, parts.slice(start).join('.'), file.path);
    }
  }
  // Longest module path first, so a nested module wins over its parent.
  goModules.sort((a, b) => b.module.length - a.module.length || (a.module < b.module ? -1 : 1));
  return { paths: new Set(byPath.keys()), byDirectory, byBaseName, packages, aliases: readAliases(byPath), goModules, crates, pythonModules };
}
