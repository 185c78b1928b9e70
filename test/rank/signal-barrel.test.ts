import { buildImportGraph, rankFiles } from '../../src/rank/index.js';
import { barrelSignal, BARREL_MAX_CHARS, BARREL_SHARE, isReexportModule } from '../../src/rank/signal-barrel.js';
import { sourceAt } from '../helpers/source-file.js';

describe('barrel signal', () => {
  it('knows a module of re-exports from one with code, in TS/JS and Python', () => {
    const tsBarrel = '// public API\nexport * from "./schemas.js";\nexport {\n  parse,\n  type Options,\n} from "./parse.js";\n/* iso */\nexport * as iso from "./iso.js";\n';
    expect(isReexportModule(sourceAt('src/external.ts', tsBarrel))).toBe(true);
    expect(isReexportModule(sourceAt('src/index.js', "import './polyfill.js';\nexport { a } from './a.js'\n"))).toBe(true);
    expect(isReexportModule(sourceAt('src/index.ts', `${tsBarrel}export const NEVER = {} as never;\n`))).toBe(false);
    const pyBarrel = '"""The package."""\nfrom .app import App as App\nfrom .routing import (\n    Router,\n    Route,\n)\nimport typing\n__all__ = [\n    "App",\n]\n';
    expect(isReexportModule(sourceAt('pkg/__init__.py', pyBarrel))).toBe(true);
    expect(isReexportModule(sourceAt('pkg/__init__.py', `${pyBarrel}__version__ = "1.0"\n`))).toBe(false);
    // Go has no re-export modules; an empty file and a huge list are not barrels either.
    expect(isReexportModule(sourceAt('cmd/main.go', 'package main\nimport "fmt"\n'))).toBe(false);
    expect(isReexportModule(sourceAt('src/empty.ts', '\n'))).toBe(false);
    expect(isReexportModule(sourceAt('src/all.ts', 'export * from "./a.js";\n'.repeat(BARREL_MAX_CHARS / 10)))).toBe(false);
  });

  it('passes a seed its share to the barrels importing it, the best seed first, never to the seeds', () => {
    const files = [
      sourceAt('src/util.ts', 'export function clone() {}\n'),
      sourceAt('src/json.ts', 'export function toJson() {}\n'),
      sourceAt('src/index.ts', 'export * from "./util.js";\nexport * from "./json.js";\n'),
      sourceAt('src/app.ts', 'import { clone } from "./util.js";\nexport const app = clone();\n'),
    ];
    const barrel = barrelSignal(files, buildImportGraph(files), new Map([['src/json.ts', 0.7], ['src/util.ts', 1]]));
    expect([...barrel]).toEqual([['src/index.ts', { score: BARREL_SHARE, seed: 'src/util.ts', reasons: ['re-exports src/util.ts'] }]]);
  });

  it('lifts the barrels of the best match above a file that shares more of the task words', () => {
    const files = [
      sourceAt('src/core/util.ts', '/** Helpers. */\nexport function mergeShapes(a: object, b: object) { return { ...a, ...b }; }\nexport type Shape = object;\n'),
      sourceAt('src/classic/external.ts', 'export * from "./schemas.js";\nexport type { Shape } from "../core/util.js";\n'),
      sourceAt('src/classic/schemas.ts', 'export const schemas = [];\n'),
      sourceAt('src/docs/site.ts', '// Helper types for the shapes of the site, its pages and its menus.\nexport const site = {};\n'),
    ];
    const ranked = rankFiles(files, { focus: 'Add mergeShapes helper for shape types' });
    const external = ranked.find((entry) => entry.file.path === 'src/classic/external.ts')!;
    expect(external.reasons).toContain('re-exports src/core/util.ts');
    const order = ranked.map((entry) => entry.file.path);
    expect(order.indexOf('src/classic/external.ts')).toBeLessThan(order.indexOf('src/docs/site.ts'));
  });
});
