/**
 * What a skeleton cuts beyond bodies (#3, measured against Repomix `--compress`): long string literals outside
 * bodies, decorator argument tables, long one-line Python bodies; and what it must keep whole.
 */
import { createSyntaxAnalyzer, isSyntaxFailure, MINIFIED_AVERAGE_LINE_CHARS } from '../../src/analyze/index.js';
import type { FileSyntax, SyntaxAnalyzer } from '../../src/analyze/index.js';
import { fixtureFile, sourceFile } from './syntax-fixture-file.js';

let analyzer: SyntaxAnalyzer;
beforeAll(async () => {
  analyzer = await createSyntaxAnalyzer();
});
afterAll(() => analyzer.dispose());

async function skeletonOf(name: string, text?: string): Promise<string> {
  const result = await analyzer.analyze(text === undefined ? fixtureFile(name) : sourceFile(name, text));
  if (isSyntaxFailure(result)) throw new Error(`${name}: ${result.failure}`);
  return (result as FileSyntax).skeleton?.text ?? '(none)';
}

describe('long strings', () => {
  it('#3 writes a multi-line parameter on one line, its long string cut to the first paragraph', async () => {
    const skeleton = await skeletonOf('compress.py');
    expect(skeleton).toContain('    summary: str = Doc("A short summary of the route..."),\n');
    expect(skeleton).not.toContain('**Example**');
  });

  it('rewrites a long f-string default as a plain literal without braces, so nothing is interpolated', async () => {
    const skeleton = await skeletonOf('compress.py');
    expect(skeleton).toContain('    description: str = "Description of path, line two, line three, line four.",\n');
  });

  it('uses an ASCII note, so a bytes literal stays valid Python', async () => {
    const skeleton = await skeletonOf('compress.py');
    expect(skeleton).toContain('QUERY = b"""\nSELECT id, name ... (4 more lines)\n"""');
    expect(skeleton).not.toMatch(/b"""[^"]*…/);
  });

  it('keeps short strings and backslash-continued strings whole', async () => {
    const skeleton = await skeletonOf('compress.py');
    expect(skeleton).toContain('SHORT = """two\nlines"""');
    expect(skeleton).toContain('CONTINUED = "one quote \\\ncontinued"');
  });

  it('cuts a docstring to its first paragraph and closes it at its indentation', async () => {
    const skeleton = await skeletonOf('compress.py');
    expect(skeleton).toContain('    """Register a route; the docstring keeps its first paragraph.\n    ..."""\n    ...\n');
    expect(skeleton).not.toContain('Even when it is long.');
  });

  it('cuts a template literal without substitutions and keeps one with them', async () => {
    const skeleton = await skeletonOf('compress.ts');
    expect(skeleton).toContain('export const HELP = `Usage: tool [options] ... (4 more lines)\n`;');
    expect(skeleton).toContain('this template interpolates\nso it stays\nwhole\n`): string {');
  });

  it('cuts a long Go raw string, which may hold anything but a backquote', async () => {
    const text = 'package q\n\nconst Schema = `\nCREATE TABLE t (\n  id INTEGER,\n  name TEXT,\n  note TEXT\n);\n`\n';
    expect(await skeletonOf('schema.go', text)).toContain('const Schema = `\nCREATE TABLE t ( ... (4 more lines)\n`');
  });
});

describe('decorators and one-line bodies', () => {
  it('#3 elides a decorator argument table of three or more lines and keeps a one-line decorator', async () => {
    const skeleton = await skeletonOf('compress.py');
    expect(skeleton).toContain('@pytest.mark.parametrize(...)\ndef test_value(value: int):');
    expect(skeleton).toContain('@pytest.mark.skip(reason="short")\ndef test_short():');
  });

  it('elides a long one-line Python body and keeps a short one', async () => {
    const skeleton = await skeletonOf('compress.py');
    expect(skeleton).toContain('def test_value(value: int):\n    ...\n');
    expect(skeleton).toContain('def test_short():\n    assert True');
  });

  it('keeps the arguments of an ordinary multi-line call', async () => {
    const text = 'setup(\n    name="pkg",\n    version="1.0",\n    author="A",\n    license="MIT",\n    url="u",\n    packages=["pkg"],\n)\n\ndef f():\n    total = 1\n    return total\n';
    const skeleton = await skeletonOf('setup.py', text);
    expect(skeleton).toContain('    version="1.0",');
  });
});

describe('objects with methods', () => {
  it('#3 keeps an exported object whose members are methods, so their names survive', async () => {
    const text = 'export default {\n  input: "a",\n  output: [{\n    format: "cjs",\n  }, {\n    format: "es",\n  }],\n  external(id) {\n    const local = id.trim();\n    return local.length > 0;\n  },\n}\n';
    const skeleton = await skeletonOf('rollup.config.js', text);
    expect(skeleton).toContain('  external(id) {/* ... */},');
    expect(skeleton).toContain('  input: "a",');
  });
});

describe('elision markers', () => {
  it('#3 names the lines of a brace body of 15 lines or more, and writes a shorter one {/* ... */}', async () => {
    const statements = (count: number): string => Array.from({ length: count }, (_, index) => `  use(${index});\n`).join('');
    const text = `export function short() {\n${statements(3)}}\nexport function long() {\n${statements(20)}}\n`;
    const skeleton = await skeletonOf('markers.ts', text);
    expect(skeleton).toBe('export function short() {/* ... */}\nexport function long() { /* 7-26 */ }\n');
  });
});

describe('arrow functions', () => {
  it('#3 elides a multi-line expression body, keeps a one-line one and a curried arrow\'s inner signature', async () => {
    const text = [
      'export const View = (props: Props): JSX.Element => (\n  <div>\n    {props.title}\n  </div>\n);',
      'export const add = (a: number, b: number): number => a + b;',
      'export const logger = (prefix: string) => (message: string) => {\n  console.log(prefix, message);\n};\n',
    ].join('\n');
    const skeleton = await skeletonOf('view.tsx', text);
    expect(skeleton).toContain('export const View = (props: Props): JSX.Element => {/* ... */};\n');
    expect(skeleton).toContain('export const add = (a: number, b: number): number => a + b;\n');
    expect(skeleton).toContain('export const logger = (prefix: string) => (message: string) => {/* ... */};\n');
  });
});

describe('doc comments', () => {
  it('#3 keeps the first paragraph of a block doc comment and closes it at its indentation', async () => {
    const text = [
      'class Store {',
      '  /**',
      '   * Reads one entry.',
      '   * Misses count as empty.',
      '   *',
      '   * Long explanation that a skeleton leaves out.',
      '   * @param key the entry',
      '   */',
      '  get(key: string): string {',
      '    return key;',
      '  }',
      '}',
      '',
    ].join('\n');
    const skeleton = await skeletonOf('store.ts', text);
    expect(skeleton).toContain('  /**\n   * Reads one entry.\n   * Misses count as empty.\n   * ...\n   */\n  get(key: string)');
    expect(skeleton).not.toContain('Long explanation');
  });

  it('keeps the first paragraph of a run of /// lines and writes the rest as /// ...', async () => {
    const text = '/// Parses a rule.\n/// Fails on bad input.\n///\n/// ## Examples\n///\n/// ```\n/// parse("a");\n/// ```\npub fn parse(input: &str) -> Rule {\n    let rule = Rule::new(input);\n    rule.check();\n    rule\n}\n';
    const skeleton = await skeletonOf('rule.rs', text);
    expect(skeleton).toBe('/// Parses a rule.\n/// Fails on bad input.\n/// ...\npub fn parse(input: &str) -> Rule {/* ... */}\n');
  });
});

describe('Python signatures and imports', () => {
  const body = (lines: number): string => Array.from({ length: lines }, (_, index) => `    x${index} = ${index}\n`).join('');
  const text = [
    'from typing import (\n    Annotated,\n    Any,\n)\n\n',
    'def get(path: str, *, response_model: Annotated[Any, "the model of the response"] = None) -> None:\n',
    body(3),
    '\ndef put(path: str, *, response_model: Annotated[Any, "the model of the response"] = None) -> None:\n',
    body(20),
  ].join('');

  it('#3 writes a parameter repeated from an earlier signature as name=...', async () => {
    const skeleton = await skeletonOf('routes.py', text);
    expect(skeleton).toContain('def get(path: str, *, response_model: Annotated[Any, "the model of the response"] = None)');
    expect(skeleton).toContain('def put(path: str, *, response_model=...) -> None:');
  });

  it('names the lines of a long body only, and writes a parenthesised import on one line', async () => {
    const skeleton = await skeletonOf('routes.py', text);
    expect(skeleton).toContain('-> None:\n    ...\n\ndef put(');
    expect(skeleton).toContain('-> None:\n    ...  # 12-31\n');
    expect(skeleton).toContain('from typing import Annotated, Any\n');
  });
});

describe('top-level statement runs', () => {
  const script = [
    "const fs = require('node:fs');",
    'export function kept(a) {',
    '  return a + 1;',
    '}',
    'kept(1);',
    'console.log(kept(2), "a statement long enough to elide");',
    'if (kept(3)) {',
    '  console.log("three");',
    '}',
    'let a = 1;',
    'let a = "a test input may redeclare a name";',
    'module.exports = { kept, other: "a CommonJS export stays whole" };',
    '',
  ].join('\n');

  it('#3 replaces a run of statements and redeclarations by one comment naming its lines', async () => {
    const skeleton = await skeletonOf('input.js', script);
    expect(skeleton).toContain('export function kept(a) {/* ... */}\n/* 5-9 */\nlet a = 1;\n/* 11 */\nmodule.exports');
    expect(skeleton).not.toContain('console.log');
  });

  it('keeps module loads, CommonJS exports and TypeScript namespaces', async () => {
    const skeleton = await skeletonOf('input.js', script);
    expect(skeleton).toContain("const fs = require('node:fs');");
    expect(skeleton).toContain('module.exports = { kept, other: "a CommonJS export stays whole" };');
    const namespaces = 'namespace X {\n  export const y = 1;\n}\nnamespace Z {\n  export function w() {\n    return 2;\n  }\n}\n';
    expect(await skeletonOf('spaces.ts', namespaces)).toContain('namespace Z {');
  });

  it('elides value declarations of a file that exports nothing, keeping its functions', async () => {
    const script = 'const first = compute("a value long enough to elide");\nconst handler = () => first;\nconst last = 2;\n';
    expect(await skeletonOf('script.js', `${script}function f() {\n  return 1;\n}\n`)).toBe(
      '/* 1 */\nconst handler = () => first;\nconst last = 2;\nfunction f() {/* ... */}\n',
    );
    const module = await skeletonOf('module.js', `${script}export function f() {\n  return 1;\n}\n`);
    expect(module).toContain('const first = compute(');
  });

  it('elides unparsable statements that export nothing, so the skeleton still re-parses', async () => {
    const text = 'export function kept() {\n  return 1;\n}\nconst t = #[1, 2];\nassert(t === #[1]);\n';
    const result = await analyzer.analyze(sourceFile('proposal.js', text));
    expect((result as FileSyntax).hasParseErrors).toBe(true);
    expect((result as FileSyntax).skeleton?.text).toBe('export function kept() {/* ... */}\n/* 4-5 */\n');
  });

  it('never elides a block the grammar recovered around an export (a module block): its name stays shown', async () => {
    const text = 'const m = module {\n  export const foo = "foo";\n  export { foo };\n}\n\nconst other = module {\n};\n';
    const result = (await analyzer.analyze(sourceFile('blocks.js', text))) as FileSyntax;
    expect(result.definitions.map((definition) => definition.name)).toContain('foo');
    // Either a skeleton that still shows it or none (the file then falls back to its text, which does).
    if (result.skeleton !== undefined) expect(result.skeleton.text).toContain('foo');
  });

  it('elides Rust impl blocks after two of the same shape, but never one with a pub member', async () => {
    const impl = (name: string): string => `impl Format for ${name} {\n    fn fmt(&self) -> Result {\n        write(self)\n    }\n}\n`;
    const text = ['A', 'B', 'C', 'D'].map(impl).join('') + 'impl E {\n    pub fn new() -> Self {\n        E\n    }\n}\n';
    const skeleton = await skeletonOf('generated.rs', text);
    expect(skeleton).toContain('impl Format for B {');
    expect(skeleton).not.toContain('impl Format for C');
    expect(skeleton).toContain('/* 11-20 */\nimpl E {');
  });
});

describe('fallbacks', () => {
  it('a file with one very long line is minified even when its average line is short', async () => {
    const text = `${'x = 1\n'.repeat(200)}y = "${'a'.repeat(12_000)}"\n`;
    expect(text.length / 201).toBeLessThan(MINIFIED_AVERAGE_LINE_CHARS);
    const result = await analyzer.analyze(sourceFile('data.py', text));
    expect(result).toMatchObject({ failure: 'minified' });
    expect(isSyntaxFailure(result) ? result.detail : '').toContain('longest 12');
  });
});
