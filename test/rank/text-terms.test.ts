import { pathTerms, pathTermsByDirectory, termsOf } from '../../src/rank/text-terms.js';

describe('pathTerms', () => {
  it('splits segments and the file name, drops the extension, stems', () => {
    expect(pathTerms('src/fit/choose-levels.ts')).toEqual(['src', 'fit', 'choose', 'level']);
    expect(pathTerms('lib/HTTPRouter/get_headersV2.py')).toEqual(['lib', 'http', 'rout', 'get', 'head']);
  });

  it('gives the same terms when directories are split once for many paths', () => {
    const paths = [
      'README',
      '.gitignore',
      'a/.gitignore',
      'docs/v1.2/index.md',
      'docs/v1.2/Index.md',
      'src/HTTPServer/routes/routing.ts',
      'src/HTTPServer/routes/RoutingTable.test.tsx',
      'src/HTTPServer/ABC',
      'test/built-ins/Array/prototype/flatMap/S15.4.4.4_A1_T1.js',
      'test/built-ins/Array/prototype/flatMap/array-like-objects.js',
      'x.y/z.w.tar',
      'pkg/ends-with-dot./file',
    ];
    const byDirectory = pathTermsByDirectory();
    for (const path of [...paths, ...paths]) expect(byDirectory(path)).toEqual(pathTerms(path));
  });
});

describe('termsOf', () => {
  it('keeps a mixed-case word whole beside its parts', () => {
    expect(termsOf('Migrate docs from MkDocs')).toEqual(['migrate', 'mkdoc']);
  });
});
