/**
 * Golden tests: each fixture's facts and representations are compared with a reviewed file under
 * `test/golden/syntax/`. Rewrite them with `UPDATE_GOLDEN=1` and review the diff.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSyntaxAnalyzer, isSyntaxFailure } from '../../src/analyze/index.js';
import type { FileSyntax, SyntaxAnalyzer } from '../../src/analyze/index.js';
import { detectLanguage } from '../../src/shared/languages.js';
import { SYNTAX_FIXTURES, fixtureFile } from './syntax-fixture-file.js';

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), '../golden/syntax');

function render(syntax: FileSyntax): string {
  const definitions = syntax.definitions.map(
    (d) =>
      `${d.startLine}-${d.endLine} ${d.kind} ${d.name}${d.parent ? ` in ${d.parent}` : ''}${d.isExported ? ' exported' : ''}`,
  );
  return [
    `# language: ${syntax.language}`,
    '# definitions',
    ...definitions,
    '# imports',
    ...syntax.imports,
    '# references',
    syntax.references.join(' '),
    '# outline',
    syntax.outline ?? '(none)',
    `# skeleton (elided lines: ${syntax.skeleton?.elidedLines ?? 0})`,
    syntax.skeleton?.text ?? '(none)',
    '# stripped',
    syntax.stripped ?? '(none)',
  ].join('\n');
}

const fixtures = SYNTAX_FIXTURES;

describe('syntax goldens', () => {
  let analyzer: SyntaxAnalyzer;
  beforeAll(async () => {
    analyzer = await createSyntaxAnalyzer();
  });
  afterAll(() => analyzer.dispose());

  it('has a fixture for every supported language', () => {
    const languages = new Set(fixtures.map((name) => detectLanguage(name).language));
    for (const language of ['typescript', 'tsx', 'javascript', 'python', 'go', 'rust', 'java', 'c', 'cpp']) {
      expect(languages).toContain(language);
    }
    for (const language of ['csharp', 'ruby', 'php', 'kotlin', 'swift', 'bash']) expect(languages).toContain(language);
  });

  it.each(fixtures)('%s matches its golden file', async (name) => {
    const result = await analyzer.analyze(fixtureFile(name));
    if (isSyntaxFailure(result)) throw new Error(`${name}: ${result.failure}`);
    const actual = `${render(result)}\n`;
    const goldenPath = join(GOLDEN, `${name}.golden`);
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(goldenPath)) {
      if (process.env.UPDATE_GOLDEN !== '1') throw new Error(`missing golden ${goldenPath}; run with UPDATE_GOLDEN=1`);
      writeFileSync(goldenPath, actual);
    }
    expect(actual).toBe(readFileSync(goldenPath, 'utf8'));
  });
});
