import { pack } from '../../src/pack.js';
import { screenChanges } from '../../src/pack-diff.js';
import type { ChangeSet } from '../../src/shared/types.js';
import { makeRepo, type TempRepo } from '../helpers/make-repo.js';

// Built at run time so the repository itself holds no credential-shaped string.
const AWS_KEY_ID = ['AKIA', 'Q3EGRXT5', 'PLW7NB2K'].join('');
const GITHUB_TOKEN = ['ghp', '_', 'R8x2Lq0Vb7Nc4Md1Ke9Pj3Hs6Tg5Yw0Zf2Ua'].join('');

let repo: TempRepo;
afterEach(() => repo.cleanup());

describe('secrets in diffs and the log (issue 8)', () => {
  beforeEach(async () => {
    repo = await makeRepo({ 'config.py': 'REGION = "eu-west-1"\n' }, { commit: true });
    await repo.write('config.py', `REGION = "eu-west-1"\nAWS_ACCESS_KEY_ID = "${AWS_KEY_ID}"\n`);
    await repo.git('commit', '-qam', `rotate credentials ${GITHUB_TOKEN}`);
    await repo.write('config.py', `REGION = "eu-west-2"\nAWS_ACCESS_KEY_ID = "${AWS_KEY_ID}"\n`);
  });

  it('redacts patches and commit subjects like file text', async () => {
    const { bundle, report } = await pack({ root: repo.root, budget: 8_000, diff: { kind: 'base', ref: 'HEAD~1' }, logCount: 2, cache: false });
    expect(bundle).not.toContain(AWS_KEY_ID);
    expect(bundle).not.toContain(GITHUB_TOKEN);
    expect(bundle).toMatch(/\[REDACTED:[a-z0-9-]+\]/);
    const places = (report.redactions ?? []).map((redaction) => redaction.path);
    expect(places).toEqual(expect.arrayContaining(['config.py', 'diff config.py']));
    expect(places.some((place) => place.startsWith('commit '))).toBe(true);
  });

  it('with --secrets drop, a patch holding a secret shows only its stat', async () => {
    const { bundle } = await pack({ root: repo.root, budget: 8_000, diff: { kind: 'base', ref: 'HEAD~1' }, secrets: 'drop', cache: false });
    expect(bundle).not.toContain(AWS_KEY_ID);
    expect(bundle).toContain('contains a secret');
  });

  it('redacts the secret at every diff level, zero-context hunks included', () => {
    const patch = (context: string) => `@@ -1 +1 @@\n${context}-KEY = "old"\n+KEY = "${AWS_KEY_ID}"\n`;
    const changes: ChangeSet = {
      description: 'test',
      commits: [],
      changes: [
        {
          path: 'a.py', status: 'modified', additions: 1, deletions: 1, isBinary: false, isSubmodule: false, summary: 'modified, +1 −1',
          functionContext: patch(' def f():\n'), hunks: patch(' x = 1\n'), zeroContext: patch(''),
        },
      ],
    };
    const screened = screenChanges(changes, 'redact').changes!.changes[0]!;
    for (const text of [screened.functionContext, screened.hunks, screened.zeroContext]) {
      expect(text).toMatch(/\[REDACTED:[a-z0-9-]+\]/);
      expect(text).not.toContain(AWS_KEY_ID);
    }
  });
});
