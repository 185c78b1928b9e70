/** The import graph of a repository: which collected file imports which, from a cheap scan of every file. */
// The scanner alone: analyze/index.js would load tree-sitter and the parsers at startup, before any file is read.
import { scanImports } from '../analyze/import-scan.js';
import type { SourceFile } from '../shared/types.js';
import { buildResolveContext } from './resolve-context.js';
import { resolveImport } from './resolve-imports.js';

/** Files as indexes; `imports[i]` lists the distinct files file `i` imports, ascending. */
export interface ImportGraph {
  readonly paths: readonly string[];
  readonly imports: readonly (readonly number[])[];
  /** `importedBy[i]`: the files importing file `i`, ascending. */
  readonly importedBy: readonly (readonly number[])[];
}

/** Build the graph; self-imports are dropped. Deterministic: indexes follow `files` order. */
export function buildImportGraph(files: readonly SourceFile[]): ImportGraph {
  const context = buildResolveContext(files);
  const indexOf = new Map(files.map((file, index) => [file.path, index]));
  const imports = files.map((file, index) => {
    const targets = new Set<number>();
    for (const reference of scanImports(file)) {
      for (const path of resolveImport(context, file.path, file.language, reference)) {
        const target = indexOf.get(path);
        if (target !== undefined && target !== index) targets.add(target);
      }
    }
    return [...targets].sort((a, b) => a - b);
  });
  const importedBy: number[][] = files.map(() => []);
  imports.forEach((targets, source) => {
    for (const target of targets) importedBy[target]!.push(source);
  });
  return { paths: files.map((file) => file.path), imports, importedBy };
}
