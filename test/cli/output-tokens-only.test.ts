import { loadTokenizer } from '../../src/tokenize/index.js';
import { runCli } from '../helpers/run-cli.js';
import { FILES, useOutputFixture } from './output-helpers.js';

const fixture = useOutputFixture();

describe('--tokens-only', () => {
  it('prints per-directory counts like du, largest first, with a total; no bundle', async () => {
    const run = await runCli([fixture.repo.root, '--tokens-only']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const tokenizer = await loadTokenizer('o200k');
    const count = (path: string) => tokenizer.count(FILES[path as keyof typeof FILES]);
    const src = count('src/index.ts') + count('src/util.ts');
    const total = Object.keys(FILES).reduce((sum, path) => sum + count(path), 0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toEqual([`${src}\tsrc/`, `${count('docs/guide.md')}\tdocs/`, `${total}\ttotal (4 files, o200k)`]);
  });

  it('follows --include and --tokenizer', async () => {
    const run = await runCli([fixture.repo.root, '--tokens-only', '--include', 'docs/**', '--tokenizer', 'cl100k']);
    expect(run.stdout).toMatch(/^\d+\tdocs\/\n\d+\ttotal \(1 file, cl100k\)\n$/);
  });
});
