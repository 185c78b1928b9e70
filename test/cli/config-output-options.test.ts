import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CONFIG_SETTINGS } from '../../src/config/index.js';
import { makeRepo, type TempRepo } from '../helpers/make-repo.js';
import { runCli } from '../helpers/run-cli.js';

const FILES = {
  'README.md': '# Demo\n\nA demo project.\n',
  'src/index.ts': 'export function greet(name: string): string {\n  return `hello ${name}`;\n}\n',
  'notes/ask.md': 'Please review the greeting.\n',
};

let repo: TempRepo;
beforeAll(async () => {
  repo = await makeRepo(FILES, { commit: true });
});
afterAll(() => repo.cleanup());

async function writeConfig(config: unknown): Promise<void> {
  await writeFile(join(repo.root, 'repopack.config.json'), JSON.stringify(config));
}

describe('output options in repopack.config.json', () => {
  it('applies them (paths relative to the config file), and each flag on the command line wins', async () => {
    await writeConfig({
      budget: 4000,
      style: 'markdown',
      headerText: 'FROM-CONFIG',
      instructions: 'notes/ask.md',
      lineNumbers: true,
      noTree: true,
      json: 'report.json',
      ignore: ['report.json'],
    });
    // Run from elsewhere: instructions and json are found beside the config, not in the working directory.
    const fromConfig = await runCli([repo.root], { cwd: '/' });
    expect(fromConfig.code).toBe(0);
    expect(fromConfig.stdout).toContain('FROM-CONFIG');
    expect(fromConfig.stdout).not.toContain('## Tree');
    expect(fromConfig.stdout).toContain('1: export function greet');
    expect(fromConfig.stdout.trimEnd()).toMatch(/## Instructions\n+Please review the greeting\.$/);
    const report = JSON.parse(await readFile(join(repo.root, 'report.json'), 'utf8')) as { totals: unknown };
    expect(report.totals).toBeDefined();

    const overridden = await runCli([repo.root, '--style', 'xml', '--header-text', 'FROM-CLI', '--tree', '--no-line-numbers'], { cwd: '/' });
    expect(overridden.code).toBe(0);
    const header = overridden.stdout.slice(0, overridden.stdout.indexOf('</header>'));
    expect(header).toContain('FROM-CLI');
    expect(header).not.toContain('FROM-CONFIG');
    expect(overridden.stdout).toContain('<tree>');
    expect(overridden.stdout).not.toContain('1: export function greet');
    expect(overridden.stdout).toContain('<instructions>');
  });

  it('split, order and secrets from the config; --no-tree wins over tree: true', async () => {
    await writeConfig({ budget: '1k', split: 2, tree: true, order: 'rank', secrets: 'off', output: 'bundle.xml', ignore: ['bundle.*.xml'] });
    const run = await runCli([repo.root, '--no-tree', '--quiet']);
    expect(run.code).toBe(0);
    const first = await readFile(join(repo.root, 'bundle.1.xml'), 'utf8');
    expect(first).toContain('part 1 of');
    expect(first).not.toContain('<tree>');
  });

  it('--tokens-only ignores the config\'s copy and split (they deliver a bundle), not the same flags on the command line', async () => {
    await writeConfig({ copy: true, split: 2 });
    const run = await runCli([repo.root, '--tokens-only']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/total \(\d+ files, o200k\)/);
    expect((await runCli([repo.root, '--tokens-only', '--split', '2'])).code).toBe(2);
  });

  it('a bad value exits 2 naming its JSON path, in the config file and in package.json', async () => {
    await writeConfig({ split: 0 });
    const split = await runCli([repo.root]);
    expect(split.code).toBe(2);
    expect(split.stderr).toContain('repopack.config.json: $.split must be a whole number from 1 to 100, found number 0');
    expect(split.stdout).toBe('');
    await writeConfig({ style: 'yaml' });
    expect((await runCli([repo.root])).stderr).toContain('$.style must be one of "xml", "markdown", "plain", "json"');
    const inManifest = await makeRepo({ ...FILES, 'package.json': '{ "name": "x", "repopack": { "lineNumbers": "yes" } }' });
    try {
      const run = await runCli([inManifest.root]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('package.json#repopack: $.lineNumbers must be true or false, found the string "yes"');
    } finally {
      await inManifest.cleanup();
    }
  });

  it('repopack init lists every setting, switched off as a //key unless set', async () => {
    const target = await makeRepo({ 'a.txt': 'a\n' }, { git: false });
    try {
      expect((await runCli(['init', target.root])).code).toBe(0);
      const written = JSON.parse(await readFile(join(target.root, 'repopack.config.json'), 'utf8')) as Record<string, unknown>;
      const missing = Object.keys(CONFIG_SETTINGS).filter((key) => key !== 'noTree' && !(key in written) && !(`//${key}` in written));
      expect(missing).toEqual([]);
      expect(Object.keys(written).some((key) => key.startsWith('//') && JSON.stringify(written[key]).includes('noTree'))).toBe(true);
    } finally {
      await target.cleanup();
    }
  });
});
