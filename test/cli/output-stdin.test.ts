import { readXmlBundle } from '../render/bundle-readers.js';
import { runWithInput, useOutputFixture } from './output-helpers.js';

const fixture = useOutputFixture();

describe('--stdin', () => {
  it('packs only the listed files (one per line); unknown paths are skipped and listed', async () => {
    const run = await runWithInput([fixture.repo.root, '--stdin'], 'src/util.ts\n./README.md\nmissing.ts\n');
    expect(run.code).toBe(0);
    const bundle = readXmlBundle(run.stdout);
    expect(bundle.files.map((file) => file.path)).toEqual(['README.md', 'src/util.ts']);
    expect(run.stdout).toContain('missing.ts (skipped: not-found, no such file)');
    expect(run.stderr).toContain('1 not-found');
  });

  it('reads NUL-separated lists (git ls-files -z)', async () => {
    const run = await runWithInput([fixture.repo.root, '--stdin', '--style', 'json'], 'docs/guide.md\0src/index.ts\0');
    const bundle = JSON.parse(run.stdout);
    expect(bundle.files.slice(1).map((file: { path: string }) => file.path).sort()).toEqual(['docs/guide.md', 'src/index.ts']);
  });
});
