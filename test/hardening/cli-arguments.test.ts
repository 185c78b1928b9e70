import { join } from 'node:path';
import { type TempRepo, makeRepo } from '../helpers/make-repo.js';
import { runCli } from '../helpers/run-cli.js';

let repo: TempRepo;
beforeAll(async () => {
  repo = await makeRepo({ '-weird-dir-name/a.py': 'a = 1\n', 'sub/b.py': 'b = 2\n', 'sub/-x.txt': 'dash\n' }, { git: false });
});
afterAll(() => repo.cleanup());

describe('arguments that look like options, --, and ..', () => {
  it.each([
    [['--ignore', '-x'], '--ignore needs a value, got "-x"'],
    [['--include'], '--include needs a value, got nothing'],
    [['-o', '--quiet'], '-o needs a value, got "--quiet"'],
    [['--budget', '--style', 'xml'], '--budget needs a value, got "--style"'],
    [['--secrets', '--', 'sub'], '--secrets needs a value, got "--"'],
  ])('%j → exit 2 with a message naming the flag', async (args, message) => {
    const run = await runCli(args, { cwd: repo.root });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe('');
  });

  it('a value starting with a dash is passed with =', async () => {
    const run = await runCli(['sub', '--ignore=-x.txt', '--style', 'json'], { cwd: repo.root });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('b.py');
    expect(run.stdout).not.toContain('dash');
  });

  it('-- makes a dash-leading directory name the path', async () => {
    const run = await runCli(['--style', 'json', '--', '-weird-dir-name'], { cwd: repo.root });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('a = 1');
    expect(run.stdout).not.toContain('b = 2');
  });

  it('several paths after -- are several roots, each under its own name', async () => {
    const run = await runCli(['--style', 'json', '--', 'sub', '-weird-dir-name'], { cwd: repo.root });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('-weird-dir-name/');
    expect(run.stdout).toContain('sub/');
  });

  it('paths with .. resolve like any path; a missing one → exit 2 naming it', async () => {
    const ok = await runCli(['../-weird-dir-name', '--style', 'json'], { cwd: join(repo.root, 'sub') });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('a = 1');
    const missing = await runCli(['../../no-such-dir-here'], { cwd: join(repo.root, 'sub') });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no-such-dir-here" does not exist');
  });
});
