import { rankFiles, classifyRole } from '../../src/rank/index.js';
import { detectLanguage } from '../../src/shared/languages.js';
import type { SourceFile } from '../../src/shared/types.js';

const file = (path: string): SourceFile => ({ path, bytes: 10, encoding: 'utf8', text: 'x\n', ...detectLanguage(path) });

describe('rankFiles by role', () => {
  it('puts the README, manifests and entry points before sources, and tests, examples, vendored code last', () => {
    const paths = [
      'vendor/lib/x.go',
      'test/app.test.ts',
      'examples/demo.ts',
      'src/util/strings.ts',
      'src/index.ts',
      'package.json',
      'README.md',
      'docs/guide.md',
      'CHANGELOG.md',
    ];
    const order = rankFiles(paths.map(file)).map((ranked) => ranked.file.path);
    expect(order.slice(0, 3)).toEqual(['README.md', 'package.json', 'src/index.ts']);
    expect(order.indexOf('src/util/strings.ts')).toBeLessThan(order.indexOf('test/app.test.ts'));
    expect(order.indexOf('test/app.test.ts')).toBeLessThan(order.indexOf('vendor/lib/x.go'));
    expect(order.at(-1)).toBe('vendor/lib/x.go');
  });

  it('explains every score and breaks ties by path, not by input order', () => {
    const forward = rankFiles(['src/b.ts', 'src/a.ts'].map(file));
    const backward = rankFiles(['src/a.ts', 'src/b.ts'].map(file));
    expect(forward.map((r) => r.file.path)).toEqual(['src/a.ts', 'src/b.ts']);
    expect(backward).toEqual(forward);
    expect(forward[0]!.reasons.join(' ')).toContain('role source');
  });

  it('classifies installed and copied packages as vendored', () => {
    for (const path of ['layer/python/lib/python3.12/site-packages/boto3/session.py', 'web/node_modules/left-pad/index.js', 'botocore/vendored/requests/api.py']) {
      expect(classifyRole(file(path))).toBe('vendored');
    }
    expect(classifyRole(file('src/vendors.ts'))).not.toBe('vendored');
  });

  it('classifies common test layouts', () => {
    for (const path of ['tests/test_x.py', 'pkg/x_test.go', 'src/__tests__/a.ts', 'a.spec.js', 'test_util.py']) {
      expect(classifyRole(file(path))).toBe('test');
    }
  });
});
