import { GrammarRegistry } from '../../src/analyze/grammar-registry.js';
import {
  checkedSyntax,
  createSyntaxAnalyzer,
  isSyntaxFailure,
  MAX_PARSE_BYTES,
  SUPPORTED_LANGUAGES,
} from '../../src/analyze/index.js';
import type { FileSyntax, SyntaxAnalyzer } from '../../src/analyze/index.js';
import { SYNTAX_FIXTURES, fixtureFile, sourceFile } from './syntax-fixture-file.js';

let analyzer: SyntaxAnalyzer;
const registry = new GrammarRegistry();
beforeAll(async () => {
  analyzer = await createSyntaxAnalyzer();
});
afterAll(() => {
  analyzer.dispose();
  registry.dispose();
});

async function facts(name: string, text?: string): Promise<FileSyntax> {
  const result = await analyzer.analyze(text === undefined ? fixtureFile(name) : sourceFile(name, text));
  if (isSyntaxFailure(result)) throw new Error(`${name}: ${result.failure} ${result.detail ?? ''}`);
  return result;
}

/** The oracle: a fresh parse with the same grammar, counting ERROR and MISSING nodes. */
async function hasSyntaxErrors(language: string, text: string): Promise<boolean> {
  const { parser } = await registry.load(language);
  const tree = parser.parse(text);
  if (!tree) return true;
  try {
    return tree.rootNode.hasError;
  } finally {
    tree.delete();
  }
}

describe('validity property', () => {
  it.each(SYNTAX_FIXTURES)('%s: skeleton and stripped re-parse without ERROR or MISSING nodes', async (name) => {
    const result = await facts(name);
    expect(result.hasParseErrors).toBeUndefined();
    expect(result.skeleton).toBeDefined();
    expect(result.stripped).toBeDefined();
    expect(await hasSyntaxErrors(result.language, result.skeleton?.text ?? '')).toBe(false);
    expect(await hasSyntaxErrors(result.language, result.stripped ?? '')).toBe(false);
    expect(result.skeleton?.text.length).toBeLessThan(fixtureFile(name).text.length);
    expect(result.skeleton?.elidedLines).toBeGreaterThan(0);
  });

  it('supports every mainstream language', () => {
    for (const language of ['typescript', 'tsx', 'javascript', 'python', 'go', 'rust', 'java', 'c', 'cpp']) {
      expect(analyzer.supports(language)).toBe(true);
    }
    expect(SUPPORTED_LANGUAGES).toEqual(expect.arrayContaining(['csharp', 'ruby', 'php', 'kotlin', 'swift', 'bash']));
    expect(analyzer.supports('markdown')).toBe(false);
    expect(analyzer.supports(undefined)).toBe(false);
  });
});

describe('definitions and imports', () => {
  it('TypeScript: exports, overloads, default export, namespace members', async () => {
    const result = await facts('sample.ts');
    const byName = (name: string) => result.definitions.filter((d) => d.name === name);
    expect(byName('SessionStore')[0]).toMatchObject({ kind: 'class', isExported: true, startLine: 45 });
    expect(byName('get').map((d) => d.kind)).toEqual(['method', 'method', 'method']);
    expect(byName('get')[0]?.parent).toBe('SessionStore');
    expect(byName('isExpired')[0]).toMatchObject({ kind: 'function', isExported: true });
    expect(byName('createStore')[0]).toMatchObject({ kind: 'function', isExported: true });
    expect(byName('DEFAULT_ROLES')[0]).toMatchObject({ kind: 'constant', isExported: false });
    expect(byName('purge')[0]).toMatchObject({ parent: 'Internal', isExported: true });
    expect(result.imports).toEqual(['node:events', './ports.js', 'node:path']);
  });

  it('Python: multi-line imports, methods, private names, docstring summaries kept in the skeleton', async () => {
    const result = await facts('sample.py');
    expect(result.imports).toEqual(['__future__', 'asyncio', 'os.path', 'dataclasses', 'typing']);
    const restock = result.definitions.find((d) => d.name === 'restock');
    expect(restock).toMatchObject({ kind: 'method', parent: 'Inventory', startLine: 53, endLine: 66 });
    expect(result.definitions.find((d) => d.name === '_one_liner')?.isExported).toBe(false);
    expect(result.skeleton?.text).toContain('    """Read an inventory file.\n    ..."""\n    ...\n');
    expect(result.skeleton?.text).toContain('        reason: str = "manual",\n    ) -> Item:\n');
  });

  it('Go: methods belong to their receiver type, doc comments stay', async () => {
    const result = await facts('sample.go');
    expect(result.definitions.find((d) => d.name === 'Get' && d.kind === 'method' && d.startLine > 40)).toMatchObject({
      parent: 'Cache',
      isExported: true,
    });
    expect(result.definitions.find((d) => d.name === 'entry')).toMatchObject({ kind: 'struct', isExported: false });
    expect(result.imports).toContain('github.com/sirupsen/logrus');
    expect(result.stripped).toContain('// Get returns the value for key.');
    expect(result.stripped).not.toContain('Expired entries count as missing');
  });

  it('Rust: impl and trait blocks own their methods', async () => {
    const result = await facts('sample.rs');
    const names = result.definitions.map((d) => `${d.kind}:${d.name}@${d.parent ?? ''}`);
    expect(names).toEqual(
      expect.arrayContaining(['trait:Limiter@', 'impl:Limiter for TokenBucket@', 'method:try_acquire@Limiter for TokenBucket']),
    );
    expect(result.definitions.find((d) => d.name === 'DEFAULT_CAPACITY')?.isExported).toBe(true);
  });

  it('Java: annotations kept with signatures', async () => {
    const result = await facts('Sample.java');
    expect(result.skeleton?.text).toContain('    @Transactional(readOnly = false)\n    public T place(');
    expect(result.definitions.find((d) => d.name === 'MAX_ITEMS')).toMatchObject({ kind: 'constant', isExported: false });
    expect(result.imports).toEqual(['java.util.List', 'java.util.Optional', 'java.util.Objects.requireNonNull']);
  });

  it('references are distinct, sorted, and exclude names defined in the file', async () => {
    const result = await facts('sample.ts');
    expect(result.references).toEqual([...new Set(result.references)].sort());
    expect(result.references).toContain('EventEmitter');
    expect(result.references).not.toContain('SessionStore');
  });
});

describe('stripped', () => {
  it('keeps multi-line string contents and CRLF line endings while removing comments', async () => {
    const text = 'const a = 1; // note\r\n\r\n\r\n/** doc */\r\nconst s = `line  \r\n\r\n\r\n  end`;\r\n/* gone */\r\nlet b = a /* x */ + 2;\r\n';
    const result = await facts('crlf.ts', text);
    expect(result.stripped).toBe('const a = 1;\r\n\r\n/** doc */\r\nconst s = `line  \r\n\r\n\r\n  end`;\r\nlet b = a   + 2;\r\n');
  });
});

describe('failures are data', () => {
  it('a minified bundle is reported, not parsed', async () => {
    const line = `var a=${'[1,2,3],'.repeat(2000)}0;`;
    const result = await analyzer.analyze(sourceFile('bundle.js', `${line}\n`));
    expect(result).toMatchObject({ failure: 'minified' });
  });

  it('a file over the size limit is reported', async () => {
    const text = 'x = 1\n'.repeat(Math.ceil(MAX_PARSE_BYTES / 6) + 10);
    expect(await analyzer.analyze(sourceFile('big.py', text))).toMatchObject({ failure: 'too-large' });
  });

  it('an unknown language is reported', async () => {
    expect(await analyzer.analyze(sourceFile('notes.md', '# hi\n'))).toMatchObject({ failure: 'unsupported-language' });
  });

  it.each(['garbage.ts', 'garbage.py', 'garbage.go', 'garbage.rs', 'garbage.java', 'garbage.cs'])(
    '%s: garbage input gives best-effort facts and, once checked, no invalid representation',
    async (name) => {
      const text = 'function ((( }}} class { def :: <<< \n @@ ### \u0000 \n fn main( {\n';
      const result = await analyzer.analyze(sourceFile(name, text));
      expect(isSyntaxFailure(result)).toBe(false);
      if (isSyntaxFailure(result)) return;
      expect(result.hasParseErrors).toBe(true);
      // Analysis no longer re-parses its representations: they come marked, and the check drops the invalid ones.
      if (result.stripped !== undefined || result.skeleton !== undefined) expect(result.representationsUnchecked).toBe(true);
      for (const representation of [result.skeleton?.text, result.stripped]) {
        if (representation === undefined) continue;
        expect(await analyzer.verify!(result.language, representation)).toBe(!(await hasSyntaxErrors(result.language, representation)));
      }
      const checked = await checkedSyntax(result, (language, shown) => analyzer.verify!(language, shown));
      expect(checked.representationsUnchecked).toBeUndefined();
      for (const representation of [checked.skeleton?.text, checked.stripped]) {
        if (representation !== undefined) expect(await hasSyntaxErrors(result.language, representation)).toBe(false);
      }
    },
  );
});
