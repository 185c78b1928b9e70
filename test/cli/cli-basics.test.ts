import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeRepo, type TempRepo } from '../helpers/make-repo.js';
import { runCli } from '../helpers/run-cli.js';

const ANSI = /\u001b\[/;

let repo: TempRepo;
beforeEach(async () => {
  repo = await makeRepo(
    {
      'README.md': '# Demo\n\nA demo project.\n',
      'package.json': '{ "name": "demo", "version": "1.0.0" }\n',
      'src/index.ts': 'export function greet(name: string): string {\n  return `hello ${name}`;\n}\n',
      'src/util.ts': 'export const twice = (n: number) => n * 2;\n',
      'test/index.test.ts': "import { greet } from '../src/index';\n",
    },
    { commit: true },
  );
});
afterEach(() => repo.cleanup());

describe('repopack CLI basics', () => {
  it('writes the bundle to stdout and the summary to stderr, exit 0, no colours in a pipe', async () => {
    const run = await runCli([repo.root, '--budget', '32k']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('<file path="src/index.ts"');
    expect(run.stdout).toContain('export function greet');
    expect(run.stdout).not.toContain('█');
    expect(run.stderr).toMatch(/5 files: 5 full/);
    expect(run.stderr).toMatch(/\/ 32,000 tokens/);
    expect(run.stderr).not.toMatch(ANSI);
  });

  it('honours NO_COLOR even when colour is forced, and colours with FORCE_COLOR alone', async () => {
    const plain = await runCli([repo.root], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(plain.stderr).not.toMatch(ANSI);
    const colored = await runCli([repo.root], { env: { FORCE_COLOR: '1' } });
    expect(colored.stderr).toMatch(ANSI);
    expect(colored.stdout).not.toMatch(ANSI);
  });

  it('writes to -o FILE, leaves stdout empty, and does not pack its own output on the next run', async () => {
    const out = join(repo.root, 'bundle.md');
    const first = await runCli([repo.root, '--style', 'markdown', '-o', out]);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    const written = await readFile(out, 'utf8');
    expect(written).toContain('```typescript');
    const second = await runCli([repo.root, '--style', 'markdown', '-o', out]);
    expect(await readFile(out, 'utf8')).toBe(written);
    expect(second.code).toBe(0);
  });

  it('is deterministic: same tree, same options, same bytes', async () => {
    const a = await runCli([repo.root, '--budget', '4k', '--style', 'plain']);
    const b = await runCli([repo.root, '--budget', '4k', '--style', 'plain']);
    expect(a.stdout).toBe(b.stdout);
  });

  it('--explain prints the plan table to stderr', async () => {
    const run = await runCli([repo.root, '--explain', '--quiet']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/path\s+score\s+level\s+tokens\s+reasons/);
    expect(run.stderr).toMatch(/README\.md\s+100\.0\s+full/);
    expect(run.stderr).not.toContain('files:');
  });

  it('--help shows examples and --version the package version, exit 0', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout + help.stderr).toContain('--budget');
    expect(help.stdout + help.stderr).toContain('Examples:');
    const version = await runCli(['--version']);
    const manifest = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(version.stdout.trim()).toBe(manifest.version);
  });
});

describe('repopack CLI errors: clear message, meaningful exit code', () => {
  it.each([
    [['--budget', '12q'], '--budget "12q" is not a token count'],
    [['--bogus-flag'], 'bogus-flag'],
    [['--style', 'yaml'], 'yaml'],
    [['--tokenizer', 'gpt2'], '--tokenizer "gpt2"'],
    [['--max-file-size', 'huge'], '--max-file-size "huge"'],
  ])('%j → exit 2 quoting the value', async (args, message) => {
    const run = await runCli([repo.root, ...args]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
    expect(run.stderr.split('\n').filter(Boolean).length).toBeLessThanOrEqual(4);
  });

  it('a directory that does not exist → exit 2 naming it', async () => {
    const missing = join(repo.root, 'nope');
    const run = await runCli([missing]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('nope');
  });

  it('EPIPE (reader closes early) exits 0 without an error message', async () => {
    const { spawn } = await import('node:child_process');
    const { CLI_PATH } = await import('../helpers/run-cli.js');
    for (let i = 0; i < 200; i++) await repo.write(`bulk/f${i}.txt`, 'lorem ipsum dolor sit amet\n'.repeat(200));
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const shell = spawn('bash', ['-c', `node ${JSON.stringify(CLI_PATH)} ${JSON.stringify(repo.root)} --budget 1M --quiet | head -c 100 >/dev/null; echo "\${PIPESTATUS[0]}" >&2`]);
      let stderr = '';
      shell.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      shell.on('close', (code) => resolve({ code, stderr }));
    });
    expect(result.stderr.trim()).toBe('0');
  });
});
