import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

/** Every `import … from` / `export … from` / bare `import '…'` of a source file, except type-only ones. */
function valueImports(source: string): string[] {
  const specifiers: string[] = [];
  for (const match of source.matchAll(/^(import|export)\s+(type\s+)?([^;'"]*?\s+from\s+)?['"]([^'"]+)['"]/gms)) {
    if (match[2] === undefined) specifiers.push(match[4]!);
  }
  return specifiers;
}

/** The modules (our files as paths under src/, packages by name) that loading `entry` evaluates before it runs. */
function staticClosure(entry: string): Set<string> {
  const seen = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.startsWith('src/')) continue;
    for (const specifier of valueImports(readFileSync(join(SRC, '..', file), 'utf8'))) {
      if (specifier.startsWith('node:')) continue;
      if (!specifier.startsWith('.')) pending.push(specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/'));
      else pending.push(join(dirname(file), specifier).replace(/\.js$/, '.ts'));
    }
  }
  return seen;
}

describe('what the CLI loads before it reads a file', () => {
  it('reads imports as the runtime does: value imports count, type-only ones do not', () => {
    const source = "import type { A } from './a.js';\nimport { b, type C } from './b.js';\nexport { d } from './d.js';\nimport {\n  e,\n} from 'e';\n";
    expect(valueImports(source)).toEqual(['./b.js', './d.js', 'e']);
  });

  it('the entry point loads neither the pipeline nor any subcommand until the arguments ask for them', () => {
    const loaded = staticClosure('src/cli/main.ts');
    expect(loaded.has('src/cli/args.ts')).toBe(true);
    for (const file of loaded) if (file.startsWith('src/')) expect(existsSync(join(SRC, '..', file))).toBe(true);
    const lazy = ['src/pack.ts', 'src/pack-env.ts', 'src/cli/snapshot-command.ts', 'src/cli/hook-command.ts'];
    const lazyToo = ['src/cli/models-command.ts', 'src/cli/init-command.ts', 'src/cli/tokens-only.ts', 'src/analyze/index.ts'];
    expect([...lazy, ...lazyToo].filter((file) => loaded.has(file))).toEqual([]);
  });

  it('the pipeline loads tree-sitter and the encodings only on first use', () => {
    const loaded = staticClosure('src/pack.ts');
    expect(loaded.has('src/rank/import-graph.ts')).toBe(true);
    expect(['web-tree-sitter', 'gpt-tokenizer', 'src/analyze/index.ts'].filter((name) => loaded.has(name))).toEqual([]);
  });
});
