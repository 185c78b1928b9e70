/** Fixture sources under `test/fixtures/syntax/`, handed over as the collect stage would. */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectLanguage } from '../../src/shared/languages.js';
import type { SourceFile } from '../../src/shared/types.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/syntax');

/** Fixture file names, sorted. */
export const SYNTAX_FIXTURES: readonly string[] = readdirSync(FIXTURES).sort();

/** A `SourceFile` for a fixture name. */
export function fixtureFile(name: string): SourceFile {
  return sourceFile(name, readFileSync(join(FIXTURES, name), 'utf8'));
}

/** A `SourceFile` from a path (for its language) and text. */
export function sourceFile(path: string, text: string): SourceFile {
  const { language, kind } = detectLanguage(path);
  return { path, bytes: Buffer.byteLength(text), kind, language, encoding: 'utf8', text };
}

/** True when a parser gives a tree without ERROR or MISSING nodes; the tree is freed. */
export function parsesWithoutErrors(
  parser: { parse(text: string): { rootNode: { hasError: boolean }; delete(): void } | null },
  text: string,
): boolean {
  const tree = parser.parse(text);
  if (!tree) return false;
  try {
    return !tree.rootNode.hasError;
  } finally {
    tree.delete();
  }
}
