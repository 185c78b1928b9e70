import { stripComments, tidyWhitespace } from '../../src/represent/index.js';

const strip = (text: string, language: string) => tidyWhitespace(stripComments(text, language), text);

describe('stripComments', () => {
  it('removes C-like comments but keeps strings, chars, and doc comments', () => {
    const source = [
      '/** Adds numbers. */',
      'int add(int a, int b) { // sum',
      '  /* block',
      '     comment */',
      '  char c = \'/\'; char *s = "// not a comment /* nor this */";',
      '  return a + b;',
      '}',
      '',
      '',
      '',
      '/// doc line',
      'int x;   ',
    ].join('\n');
    expect(strip(source, 'c')).toBe(
      [
        '/** Adds numbers. */',
        'int add(int a, int b) {',
        '  char c = \'/\'; char *s = "// not a comment /* nor this */";',
        '  return a + b;',
        '}',
        '',
        '/// doc line',
        'int x;',
        '',
      ].join('\n'),
    );
  });

  it('does not mistake Rust lifetimes for char literals', () => {
    const source = "fn f<'a>(x: &'a str) -> &'a str { // keep x\n    x // done\n}\n";
    expect(strip(source, 'rust')).toBe("fn f<'a>(x: &'a str) -> &'a str {\n    x\n}\n");
  });

  it('keeps Go raw strings that contain comment markers', () => {
    const source = 'var s = `// raw /* string */`\n// comment\nvar t = 1\n';
    expect(strip(source, 'go')).toBe('var s = `// raw /* string */`\nvar t = 1\n');
  });

  it('removes Python hash comments but not hashes inside strings or docstrings', () => {
    const source = [
      'def f():',
      '    """Docstring with # hash."""',
      "    s = '# not a comment'  # a comment",
      '    # whole-line comment',
      '    return s',
      '',
    ].join('\n');
    expect(strip(source, 'python')).toBe(
      ['def f():', '    """Docstring with # hash."""', "    s = '# not a comment'", '    return s', ''].join('\n'),
    );
  });

  it('leaves languages without a safe lexer unchanged', () => {
    const source = 'const re = /\\/\\/ not a comment/; // comment\n';
    expect(stripComments(source, 'typescript')).toBe(source);
    expect(stripComments(source, undefined)).toBe(source);
  });
});
