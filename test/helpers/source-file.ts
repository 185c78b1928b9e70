/** Source records built in memory for the pure stages (rank, represent), and the import edges rank sees. */
import { buildImportGraph } from '../../src/rank/index.js';
import { detectLanguage } from '../../src/shared/languages.js';
import type { SourceFile } from '../../src/shared/types.js';

/** A UTF-8 source file at `path` holding `text`, with the language and kind its path gives. */
export function sourceAt(path: string, text: string): SourceFile {
  return { path, bytes: text.length, encoding: 'utf8', text, ...detectLanguage(path) };
}

/** The import graph's edges as sorted `from -> to` lines. */
export function importEdges(files: readonly SourceFile[]): string[] {
  const graph = buildImportGraph(files);
  return graph.imports.flatMap((targets, source) => targets.map((target) => `${graph.paths[source]} -> ${graph.paths[target]}`)).sort();
}
