import { execFileSync, spawnSync } from 'node:child_process';
import { chmod, mkdir, symlink, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { makeRepo, type TempRepo } from '../helpers/make-repo.js';
import { CLI_PATH, runCli, type CliRun } from '../helpers/run-cli.js';

/** Root reads any file, so the unreadable case runs the CLI as `nobody` when we are root and runuser exists. */
function canDropToNobody(): boolean {
  if (process.getuid?.() !== 0) return false;
  try {
    execFileSync('runuser', ['-u', 'nobody', '--', process.execPath, '-e', '0'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function runAsNobody(args: string[]): CliRun {
  const result = spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, CLI_PATH, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let repo: TempRepo;
beforeEach(async () => {
  repo = await makeRepo(
    {
      'README.md': '# Fine\n\nStill packed.\n',
      'src/good.ts': 'export const good = true;\n',
      'assets/logo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      'data/blob.bin2': new Uint8Array([0x00, 0xff, 0xfe, 0x00, 0x13, 0x37, 0x00, 0x01]),
      'text/noise.txt': new Uint8Array(Array.from({ length: 400 }, (_, i) => [0x80, 0x81, 0x8d, 0x8f, 0x90, 0x9d][i % 6]!)),
      'secret/locked.ts': 'export const locked = 1;\n',
    },
    { git: false },
  );
  await chmod(repo.root, 0o755);
  await truncate(join(repo.root, 'huge.log.txt'), 5 * 1024 * 1024).catch(async () => {
    await repo.write('huge.log.txt', '');
    await truncate(join(repo.root, 'huge.log.txt'), 5 * 1024 * 1024);
  });
  await mkdir(join(repo.root, 'loop'), { recursive: true });
  await symlink('..', join(repo.root, 'loop', 'back-up'));
  await chmod(join(repo.root, 'secret', 'locked.ts'), 0o000);
});
afterEach(async () => {
  await chmod(join(repo.root, 'secret', 'locked.ts'), 0o644).catch(() => undefined);
  await repo.cleanup();
});

describe('bad input: each file is reported and skipped, the rest is packed, exit 0', () => {
  it('binary, invalid UTF-8, huge, symlink loop, not a git repository', async () => {
    const run = await runCli([repo.root, '--style', 'json', '--explain']);
    expect(run.code).toBe(0);
    const bundle = JSON.parse(run.stdout) as { files: ({ path: string; content: string } | null)[]; tree: string };
    const packed = bundle.files.filter((file) => file !== null).map((file) => file!.path);
    expect(packed).toEqual(expect.arrayContaining(['README.md', 'src/good.ts']));
    expect(run.stderr).toContain('assets/logo.png: skipped (binary');
    expect(run.stderr).toContain('data/blob.bin2: skipped (binary');
    expect(run.stderr).toContain('text/noise.txt: skipped (invalid-utf8');
    expect(run.stderr).toContain('huge.log.txt: skipped (too-large');
    expect(run.stderr).toMatch(/loop\/back-up: skipped \(symlink-loop/);
    expect(run.stderr).toContain('not a git repository');
    expect(bundle.tree).toContain('logo.png (skipped: binary');
  });

  (canDropToNobody() || process.getuid?.() !== 0 ? it : it.skip)('an unreadable file', async () => {
    const run = process.getuid?.() === 0 ? runAsNobody([repo.root, '--explain', '--style', 'plain']) : await runCli([repo.root, '--explain', '--style', 'plain']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('export const good = true;');
    expect(run.stdout).not.toContain('export const locked');
    expect(run.stderr).toContain('secret/locked.ts: skipped (unreadable');
  });
});
