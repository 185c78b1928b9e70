import { orderForBundle, rankFiles } from '../../src/rank/index.js';
import type { SourceFile } from '../../src/shared/types.js';

function file(root: string, path: string, kind: SourceFile['kind'] = 'code'): SourceFile {
  return { path: `${root}/${path}`, bytes: 10, kind, language: undefined, encoding: 'utf8', text: 'x\n', root };
}

describe('ranking with several roots', () => {
  const files = [
    file('api', 'README.md', 'doc'),
    file('api', 'package.json', 'config'),
    file('api', 'src/server.ts'),
    file('tools/web', 'README.md', 'doc'),
    file('tools/web', 'go.mod', 'config'),
    file('tools/web', 'cmd/web/main.go'),
    file('tools/web', 'docs/README.md', 'doc'),
  ];

  it("judges depth within each root: every root's README and manifest rank as top-level ones", () => {
    const scores = new Map(rankFiles(files).map((ranked) => [ranked.file.path, ranked.score]));
    expect(scores.get('tools/web/README.md')).toBe(scores.get('api/README.md'));
    expect(scores.get('tools/web/go.mod')).toBe(scores.get('api/package.json'));
    // A README one level down inside a root is still a nested one.
    expect(scores.get('tools/web/docs/README.md')!).toBeLessThan(scores.get('tools/web/README.md')!);
  });

  it("puts every root's overview first in the edges order", () => {
    const ordered = orderForBundle(rankFiles(files), 'edges').map((ranked) => ranked.file.path);
    expect(ordered.slice(0, 4).sort()).toEqual(['api/README.md', 'api/package.json', 'tools/web/README.md', 'tools/web/go.mod']);
  });
});
