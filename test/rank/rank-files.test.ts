import { orderForBundle, rankFiles } from '../../src/rank/index.js';
import { focusSignal } from '../../src/rank/signal-focus.js';
import type { GitCommit, SourceFile } from '../../src/shared/types.js';
import { importEdges as edges, sourceAt } from '../helpers/source-file.js';

const file = (path: string, text = 'x\n'): SourceFile => sourceAt(path, text);
const order = (files: SourceFile[], signals = {}) => rankFiles(files, signals).map((ranked) => ranked.file.path);


describe('import graph resolution', () => {
  it('resolves TS relative imports, index files, .js written for .ts, workspace packages and tsconfig paths', () => {
    const files = [
      file('tsconfig.json', '{ // comment\n "compilerOptions": { "baseUrl": ".", "paths": { "@app/*": ["src/*"] }, } }'),
      file('packages/core/package.json', '{"name":"@acme/core","exports":{".":{"import":"./dist/index.js"}}}'),
      file('packages/core/src/index.ts', 'export const core = 1;\n'),
      file('src/a.ts', "import { b } from './b.js';\nimport './lib';\nimport { c } from '@app/c';\nimport { core } from '@acme/core';\nimport x from 'react';\n"),
      file('src/b.ts', 'export const b = 1;\n'),
      file('src/lib/index.ts', 'export {};\n'),
      file('src/c.tsx', 'export const c = 1;\n'),
    ];
    expect(edges(files)).toEqual([
      'src/a.ts -> packages/core/src/index.ts',
      'src/a.ts -> src/b.ts',
      'src/a.ts -> src/c.tsx',
      'src/a.ts -> src/lib/index.ts',
    ]);
  });

  it('resolves Python packages and relative imports, Go packages by module path, Rust mod/use, Java and C includes', () => {
    const files = [
      file('app/__init__.py', 'from .routing import Router\nfrom . import params\n'),
      file('app/routing.py', 'import app.params\nfrom app.deps import solve\n'),
      file('app/params.py', ''),
      file('app/deps/__init__.py', ''),
      file('go.mod', 'module example.com/svc\n'),
      file('main.go', 'package main\nimport (\n  "fmt"\n  "example.com/svc/render"\n)\n'),
      file('render/json.go', 'package render\n'),
      file('render/json_test.go', 'package render\n'),
      file('Cargo.toml', '[package]\nname = "my-crate"\n'),
      file('src/lib.rs', 'mod fit;\nuse crate::fit::plan::Plan;\n'),
      file('src/fit.rs', 'pub mod plan;\n'),
      file('src/fit/plan.rs', 'use super::Budget;\n'),
      file('src/main/java/com/acme/App.java', 'package com.acme;\nimport com.acme.util.Strings;\n'),
      file('src/main/java/com/acme/util/Strings.java', 'package com.acme.util;\n'),
      file('native/x.c', '#include "x.h"\n#include <stdio.h>\n'),
      file('native/x.h', ''),
    ];
    expect(edges(files)).toEqual([
      'app/__init__.py -> app/params.py',
      'app/__init__.py -> app/routing.py',
      'app/routing.py -> app/deps/__init__.py',
      'app/routing.py -> app/params.py',
      'main.go -> render/json.go',
      'native/x.c -> native/x.h',
      'src/fit.rs -> src/fit/plan.rs',
      'src/fit/plan.rs -> src/fit.rs',
      'src/lib.rs -> src/fit.rs',
      'src/lib.rs -> src/fit/plan.rs',
      'src/main/java/com/acme/App.java -> src/main/java/com/acme/util/Strings.java',
    ]);
  });
});

describe('rankFiles with a task', () => {
  const repo = [
    file('README.md', '# shop\n'),
    file('package.json', '{"name":"shop"}'),
    file('src/index.ts', "import { login } from './auth/session.js';\nexport { login };\n"),
    file('src/auth/session.ts', "import { hashPassword } from './crypto.js';\nexport function login(user: string) { return hashPassword(user); }\n"),
    file('src/auth/crypto.ts', 'export function hashPassword(password: string) { return password; }\n'),
    file('src/cart/basket.ts', 'export function addItem() { return 1; }\n'),
    file('src/cart/checkout.ts', 'export function checkout() { return 2; }\n'),
    file('docs/login.md', '# Login\nThe login session flow, login redirect, session login.\n'),
    file('test/session.test.ts', "import { login } from '../src/auth/session.js';\n"),
  ];

  it('puts the file matching the focus words first, its import neighbour and test above unrelated code', () => {
    const ranked = order(repo, { focus: 'Login session expires too early' });
    expect(ranked[0]).toBe('src/auth/session.ts');
    expect(ranked.indexOf('src/auth/crypto.ts')).toBeLessThan(ranked.indexOf('src/cart/basket.ts'));
    expect(ranked.indexOf('test/session.test.ts')).toBeLessThan(ranked.indexOf('src/cart/checkout.ts'));
    // Docs match the words more often but are down-weighted by role.
    expect(ranked.indexOf('src/auth/session.ts')).toBeLessThan(ranked.indexOf('docs/login.md'));
  });

  it('ranks a file named in a stack trace, and the definer of a named symbol, at the top', () => {
    const trace = 'TypeError: boom\n    at checkout (/home/me/shop/src/cart/checkout.ts:1:30)\n';
    expect(order(repo, { focus: trace })[0]).toBe('src/cart/checkout.ts');
    expect(order(repo, { focus: 'why does `hashPassword` return the password?' })[0]).toBe('src/auth/crypto.ts');
    expect(order(repo, { focus: 'File "src/cart/basket.ts", line 1' })[0]).toBe('src/cart/basket.ts');
  });

  it('lets a named doc escape its role penalty, and ranks seeds first', () => {
    expect(order(repo, { focus: 'docs/login.md is outdated' })[0]).toBe('docs/login.md');
    const seeded = rankFiles(repo, { seeds: ['src/cart/basket.ts'] });
    expect(seeded[0]!.file.path).toBe('src/cart/basket.ts');
    expect(seeded[0]!.task).toBe(true);
  });

  it('uses co-change with the task files from history', () => {
    const history: GitCommit[] = [
      { epochSeconds: 2_000_000, paths: ['src/cart/basket.ts', 'src/cart/checkout.ts'] },
      { epochSeconds: 1_000_000, paths: ['src/auth/crypto.ts'] },
    ];
    const ranked = order(repo, { seeds: ['src/cart/basket.ts'], history });
    const sources = ranked.filter((path) => path.startsWith('src/'));
    expect(sources.slice(0, 2)).toEqual(['src/cart/basket.ts', 'src/cart/checkout.ts']);
    expect(order(repo, { seeds: ['src/cart/basket.ts'] }).filter((path) => path.startsWith('src/'))[1]).not.toBe('src/cart/checkout.ts');
  });

  it('ranks a file using a named symbol above files that only share words with the task', () => {
    const files = [
      file('app/exceptions.py', 'class FastAPIError(RuntimeError):\n    pass\n'),
      file('app/utils.py', 'def create(kind):\n    raise FastAPIError(f"bad {kind}")\n'),
      file('app/render.py', 'def render(message):\n    return message\n'),
      file('app/other.py', 'def nothing():\n    return 1\n'),
    ];
    const ranked = order(files, { focus: 'Fix unformatted message in `FastAPIError`' });
    expect(ranked[0]).toBe('app/exceptions.py');
    expect(ranked.indexOf('app/utils.py')).toBeLessThan(ranked.indexOf('app/render.py'));
  });

  it('matches a mixed-case word of the task whole, as code spells it in lower case', () => {
    const files = [
      file('scripts/zz_site.py', 'import subprocess\nsubprocess.run(["mkdocs", "build"])\n'),
      file('scripts/deploy.py', 'import subprocess\nsubprocess.run(["rsync", "site/"])\n'),
      file('scripts/clean.py', 'import shutil\nshutil.rmtree("site")\n'),
    ];
    // "MkDocs" splits into `mk` (too short) and `docs` (a stop word): only the whole word can match.
    expect(order(files, { focus: 'Migrate docs from MkDocs' })[0]).toBe('scripts/zz_site.py');
  });

  it('measures word matches against the best file its role lets matter, not against a test matching more often', () => {
    const files = [
      file('src/http/util.ts', 'export function parseCookie(header: string) { return header; }\n'),
      file('test/cookie.test.ts', 'parse cookie header; parse cookie header; parse cookie header; cookie header parse\n'),
      file('src/other.ts', 'export const other = 1;\n'),
      file('src/more.ts', 'export const more = 2;\n'),
    ];
    const focus = 'parse cookie header';
    const wordShare = (weight?: (source: SourceFile) => number) => focusSignal(files, focus, weight).get('src/http/util.ts')!.score;
    const byRole = (source: SourceFile) => (source.path.startsWith('test/') ? 0.2 : 1);
    expect(wordShare()).toBeLessThan(0.8);
    expect(wordShare(byRole)).toBeCloseTo(0.8);
  });

  it('marks the README kept high only by the overview floor, and only then', () => {
    const overviewOf = (focus: string) => rankFiles(repo, { focus }).find((ranked) => ranked.file.path === 'README.md')!.overview;
    expect(overviewOf('cart checkout total is wrong')).toBe(true);
    expect(overviewOf('README.md is outdated')).toBeUndefined();
  });

  it('is a deterministic total order whatever the input order', () => {
    const signals = { focus: 'cart checkout login' };
    expect(order([...repo].reverse(), signals)).toEqual(order(repo, signals));
  });
});

describe('rankFiles without a task', () => {
  it('keeps README and manifests first, then entry points, and lifts the most imported module above other sources', () => {
    const files = [
      file('src/zeta.ts', "import { shared } from './shared.js';\n"),
      file('src/alpha.ts', "import { shared } from './shared.js';\n"),
      file('src/beta.ts', "import { shared } from './shared.js';\n"),
      file('src/shared.ts', 'export const shared = 1;\n'),
      file('src/index.ts', "export * from './alpha.js';\n"),
      file('package.json', '{}'),
      file('README.md', '# x\n'),
    ];
    const ranked = order(files);
    expect(ranked.slice(0, 3)).toEqual(['README.md', 'package.json', 'src/index.ts']);
    expect(ranked[3]).toBe('src/shared.ts');
  });
});

describe('orderForBundle', () => {
  it('edges: overview first, best files at both ends, weakest in the middle, task files last', () => {
    const ranked = rankFiles(
      [file('README.md', '# r\n'), ...['a', 'b', 'c', 'd', 'e'].map((name) => file(`src/${name}.ts`, `export const ${name}${name}${name}rank = 1;\n`))],
      { focus: 'aaarank bbbrank src/c.ts' },
    );
    const paths = orderForBundle(ranked, 'edges').map((entry) => entry.file.path);
    expect(paths[0]).toBe('README.md');
    expect(paths[paths.length - 1]).toBe('src/c.ts');
    expect(orderForBundle(ranked, 'rank')).toEqual(ranked);
  });
});
