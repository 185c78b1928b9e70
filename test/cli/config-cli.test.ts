import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeRepo, type TempRepo } from '../helpers/make-repo.js';
import { runCli } from '../helpers/run-cli.js';

const FILES = {
  'README.md': '# Demo\n\nA demo project.\n',
  'src/index.ts': 'export function greet(name: string): string {\n  return `hello ${name}`;\n}\n',
  'src/gen/table.ts': 'export const TABLE = [1, 2, 3];\n',
  'docs/guide.md': '# Guide\n\nIntro paragraph.\n\n## Install\n\nRun the installer and wait.\n',
};

let repo: TempRepo;
afterEach(() => repo.cleanup());

async function withConfig(config: unknown, extra: Record<string, string> = {}): Promise<TempRepo> {
  repo = await makeRepo({ ...FILES, ...extra, 'repopack.config.json': JSON.stringify(config) }, { commit: true });
  return repo;
}

describe('config files on the command line', () => {
  it('applies config values, and a flag given on the command line wins over them', async () => {
    await withConfig({ budget: '3k', style: 'markdown' });
    const fromConfig = await runCli([repo.root]);
    expect(fromConfig.code).toBe(0);
    expect(fromConfig.stdout).toMatch(/^# Repository/);
    expect(fromConfig.stderr).toMatch(/\/ 3,000 tokens/);
    const overridden = await runCli([repo.root, '--style', 'plain']);
    expect(overridden.stdout).not.toMatch(/^# Repository/);
    expect(overridden.stdout).toContain('=====');
    expect(overridden.stderr).toMatch(/\/ 3,000 tokens/);
  });

  it('reads the repopack key of package.json, and --config FILE from anywhere', async () => {
    repo = await makeRepo({ ...FILES, 'package.json': '{ "name": "demo", "repopack": { "budget": "4k" } }' });
    expect((await runCli([repo.root])).stderr).toMatch(/\/ 4,000 tokens/);
    await writeFile(join(repo.root, 'other.json'), '{ "budget": "5k" }');
    expect((await runCli([repo.root, '--config', join(repo.root, 'other.json')])).stderr).toMatch(/\/ 5,000 tokens/);
  });

  it('exits 2 naming the JSON path and expected type of a bad value', async () => {
    await withConfig({ budget: '3k', overrides: [{ files: 'src/**', level: 'tiny' }] });
    const run = await runCli([repo.root]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('repopack.config.json: $.overrides[0].level must be one of "full"');
    expect(run.stdout).toBe('');
  });

  it('exits 2 with the line and column when the config is not JSON', async () => {
    repo = await makeRepo({ ...FILES, 'repopack.config.json': '{\n  "budget": "3k",\n}\n' });
    const run = await runCli([repo.root]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('repopack.config.json:3:1: not valid JSON');
  });

  it('overrides exclude files, cap levels and pin files in full', async () => {
    await withConfig({
      budget: '8k',
      overrides: [
        { files: 'src/gen/**', exclude: true },
        { files: 'docs/**', level: 'path' },
        { files: 'src/index.ts', level: 'full', priority: 3 },
      ],
    });
    const run = await runCli([repo.root, '--explain']);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('src/gen/table.ts');
    expect(run.stdout).toContain('guide.md');
    expect(run.stdout).not.toContain('<file path="docs/guide.md"');
    expect(run.stdout).toContain('<file path="src/index.ts" level="full"');
    expect(run.stderr).toContain('config priority ×3');
  });
});

describe('repopack init', () => {
  it('writes a starter config that repopack then reads, and refuses to overwrite it', async () => {
    repo = await makeRepo(FILES, { commit: true });
    const init = await runCli(['init', repo.root]);
    expect(init.code).toBe(0);
    const written = JSON.parse(await readFile(join(repo.root, 'repopack.config.json'), 'utf8')) as Record<string, unknown>;
    expect(written.$schema).toMatch(/schema\/repopack\.schema\.json$/);
    const packRun = await runCli([repo.root]);
    expect(packRun.code).toBe(0);
    expect(packRun.stderr).toMatch(/\/ 112,000 tokens \(.*o200k\)/); // gpt-4o: 128k window − 16k reserve
    const again = await runCli(['init', repo.root]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
    expect((await runCli(['init', repo.root, '--force'])).code).toBe(0);
  });
});
