import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadTokenizer } from '../../src/tokenize/index.js';
import { runCli } from '../helpers/run-cli.js';
import { FILES, useOutputFixture } from './output-helpers.js';

const fixture = useOutputFixture();

describe('--json', () => {
  it('writes a report of every file, skipped files and totals to FILE; the summary stays on stderr', async () => {
    const report = join(fixture.bin, 'report.json');
    const run = await runCli([fixture.repo.root, '--budget', '4k', '--json', report]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('tokens');
    const json = JSON.parse(await readFile(report, 'utf8'));
    expect(json.version).toBe(1);
    expect(json.budget).toBe(4000);
    expect(json.tokens).toBe((await loadTokenizer('o200k')).count(run.stdout));
    expect(json.files.map((file: { path: string }) => file.path).sort()).toEqual(Object.keys(FILES).sort());
    const readme = json.files.find((file: { path: string }) => file.path === 'README.md');
    expect(readme).toMatchObject({ level: 'full', section: 'file' });
    expect(readme.tokens).toBeGreaterThan(0);
    expect(readme.reasons.length).toBeGreaterThan(0);
    expect(json.totals).toMatchObject({ files: 4, skipped: 0, levels: { full: 4, path: 0 } });
    expect(json.skipped).toEqual([]);
  });

  it('--json - puts only the JSON on stderr, the bundle on stdout', async () => {
    const run = await runCli([fixture.repo.root, '--json', '-']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stderr);
    expect(json.totals.files).toBe(4);
    expect(run.stdout).toContain('<repository');
  });
});
