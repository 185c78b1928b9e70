import { pack } from '../../src/pack.js';
import { type TempRepo, makeRepo } from '../helpers/make-repo.js';
import { runCli } from '../helpers/run-cli.js';

/** Assembled at run time so the repository holds no scanner-looking literal. */
const AWS_ID = ['AK', 'IA', 'Z7Q3XK2M5N8P4R6T'].join('');
const STRIPE = ['sk', '_live_', 'Qm4xT8vB2nL6pR0sW3yZ7cD1'].join('');

let repo: TempRepo;
afterEach(() => repo.cleanup());

async function secretRepo(): Promise<TempRepo> {
  const body = Array.from({ length: 40 }, (_, index) => `export function f${index}(x: number): number {\n  return x + ${index};\n}\n`).join('\n');
  return makeRepo(
    {
      'README.md': '# demo\n',
      'src/config.ts': `// keys\nexport const awsKey = "${AWS_ID}";\nexport const stripe = "${STRIPE}";\n${body}`,
      'src/plain.ts': 'export const answer = 42;\n',
    },
    { commit: true },
  );
}

describe('pack with secrets', () => {
  it('redacts by default at every level and reports path, rule and line', async () => {
    repo = await secretRepo();
    for (const budget of [100_000, 700]) {
      const { bundle, report } = await pack({ root: repo.root, budget });
      expect(bundle).not.toContain(AWS_ID);
      expect(bundle).not.toContain(STRIPE);
      expect(report.redactions).toEqual([
        { path: 'src/config.ts', rule: 'aws-access-key', line: 2 },
        { path: 'src/config.ts', rule: 'stripe-key', line: 3 },
      ]);
    }
    const { bundle } = await pack({ root: repo.root, budget: 100_000 });
    expect(bundle).toContain('export const awsKey = "[REDACTED:aws-access-key]";');
  });

  it('drop skips the file with reason secret; off leaves the text as read', async () => {
    repo = await secretRepo();
    const dropped = await pack({ root: repo.root, secrets: 'drop' });
    expect(dropped.bundle).not.toContain(AWS_ID);
    expect(dropped.bundle).not.toContain('awsKey');
    expect(dropped.report.skipped).toContainEqual({ path: 'src/config.ts', reason: 'secret', detail: '2 suspected secrets' });
    const off = await pack({ root: repo.root, secrets: 'off' });
    expect(off.bundle).toContain(AWS_ID);
    expect(off.report.redactions).toEqual([]);
  });

  it('CLI: --secrets and the summary line', async () => {
    repo = await secretRepo();
    const redacted = await runCli(['.', '--style', 'json'], { cwd: repo.root });
    expect(redacted.code).toBe(0);
    expect(redacted.stdout).not.toContain(AWS_ID);
    expect(redacted.stderr).toContain('redacted 2 secrets in 1 file (aws-access-key, stripe-key)');
    const dropped = await runCli(['.', '--secrets', 'drop'], { cwd: repo.root });
    expect(dropped.stderr).toContain('dropped 1 file with secrets (aws-access-key, stripe-key)');
    expect(dropped.stdout).toContain('config.ts (skipped: secret, 2 suspected secrets)');
    const off = await runCli(['.', '--secrets', 'off'], { cwd: repo.root });
    expect(off.stdout).toContain(AWS_ID);
    const bad = await runCli(['.', '--secrets', 'maybe'], { cwd: repo.root });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/secrets.*Given: "maybe"/);
  });
});
