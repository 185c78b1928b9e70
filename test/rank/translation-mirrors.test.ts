import { rankFiles } from '../../src/rank/index.js';
import { findTranslations, languageOfDirectory, TRANSLATION_FACTOR } from '../../src/rank/translation-mirrors.js';
import { sourceAt } from '../helpers/source-file.js';

const page = 'Testing dependencies: override a dependency during tests with dependency_overrides.\n';

describe('translation mirrors', () => {
  it('finds pages mirrored under sibling language directories and names the source-language page', () => {
    const found = findTranslations([
      'docs/en/docs/advanced/testing.md',
      'docs/zh/docs/advanced/testing.md',
      'docs/pt-BR/docs/advanced/testing.md',
      'docs/zh/docs/only-in-chinese.md',
      'docs/en/mkdocs.yml',
      'src/app.py',
    ]);
    expect([...found.entries()].sort(([a], [b]) => (a < b ? -1 : 1))).toEqual([
      ['docs/pt-BR/docs/advanced/testing.md', { source: 'docs/en/docs/advanced/testing.md', language: 'pt-BR' }],
      ['docs/zh/docs/advanced/testing.md', { source: 'docs/en/docs/advanced/testing.md', language: 'zh' }],
    ]);
  });

  it('without English, takes the language with the most files as the source', () => {
    const found = findTranslations(['i18n/fr/a.md', 'i18n/fr/b.md', 'i18n/de/a.md']);
    expect([...found.keys()]).toEqual(['i18n/de/a.md']);
  });

  it('leaves alone one language directory, directories that are no language, and codes that are common code dirs', () => {
    expect(findTranslations(['docs/en/a.md', 'src/io/a.ts', 'src/os/a.ts', 'lib/ml/a.py', 'lib/sh/a.py']).size).toBe(0);
    expect(languageOfDirectory('zh-hant')).toBe('zh-hant');
    expect(languageOfDirectory('io')).toBeUndefined();
    expect(languageOfDirectory('english')).toBeUndefined();
  });

  it('ranks translations of a matching page far below the source page under a focus, with a reason', () => {
    const files = [
      sourceAt('app/dependencies.py', 'def solve_dependencies(): ...\n'),
      sourceAt('docs/en/advanced/testing-dependencies.md', page),
      ...['de', 'es', 'fr', 'zh', 'tr'].map((code) => sourceAt(`docs/${code}/advanced/testing-dependencies.md`, page)),
      sourceAt('tests/test_other.py', 'def test_x(): ...\n'),
    ];
    const ranked = rankFiles(files, { focus: 'testing dependencies overrides' });
    const english = ranked.find((entry) => entry.file.path === 'docs/en/advanced/testing-dependencies.md')!;
    const german = ranked.find((entry) => entry.file.path === 'docs/de/advanced/testing-dependencies.md')!;
    expect(german.score).toBeLessThan(english.score * TRANSLATION_FACTOR);
    expect(german.reasons).toContain(`translation of docs/en/advanced/testing-dependencies.md ×${TRANSLATION_FACTOR}`);
    const paths = ranked.map((entry) => entry.file.path);
    expect(paths.filter((path) => path.startsWith('docs/'))[0]).toBe('docs/en/advanced/testing-dependencies.md');
  });

  it('keeps a translation the focus names by path at full weight', () => {
    const files = ['en', 'zh'].map((code) => sourceAt(`docs/${code}/advanced/testing-dependencies.md`, page));
    const ranked = rankFiles(files, { focus: 'Update docs/zh/advanced/testing-dependencies.md' });
    expect(ranked[0]!.file.path).toBe('docs/zh/advanced/testing-dependencies.md');
    expect(ranked[0]!.reasons.join(' ')).not.toContain('translation of');
  });

  it('ranks translations below the source page without a task too', () => {
    const files = ['en', 'fr'].map((code) => sourceAt(`docs/${code}/index.md`, page));
    const ranked = rankFiles(files);
    expect(ranked.map((entry) => entry.file.path)).toEqual(['docs/en/index.md', 'docs/fr/index.md']);
    expect(ranked[1]!.score).toBeCloseTo(ranked[0]!.score * TRANSLATION_FACTOR, 5);
  });
});
