import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createProgressBar, formatProgress, isProgressShown } from '../../src/cli/progress-bar.js';
import { makeRepo, type TempRepo } from '../helpers/make-repo.js';
import { CLI_PATH, runCli } from '../helpers/run-cli.js';

let repo: TempRepo;
beforeAll(async () => {
  repo = await makeRepo({ 'README.md': '# Demo\n', 'src/a.ts': 'export const a = 1;\n' }, { commit: true });
});
afterAll(() => repo.cleanup());

/** An environment without CI markers, as on a developer's machine. */
function localEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm', NO_COLOR: '1' };
  delete env.CI;
  delete env.NODE_OPTIONS;
  delete env.FORCE_COLOR;
  return env;
}

describe('progress bar', () => {
  it('formats a phase with a count as a bar, one without as the phase name', () => {
    expect(formatProgress({ phase: 'analyze', done: 12, total: 24 })).toBe(`analyze ${'█'.repeat(12)}${'░'.repeat(12)} 12/24`);
    expect(formatProgress({ phase: 'fit' })).toBe('fit…');
  });

  it('is shown only on a TTY, never in CI, with --quiet or on a dumb terminal', () => {
    const tty = { write: () => true, isTTY: true };
    expect(isProgressShown({ stream: tty, env: {}, quiet: false })).toBe(true);
    expect(isProgressShown({ stream: { write: () => true }, env: {}, quiet: false })).toBe(false);
    expect(isProgressShown({ stream: tty, env: { CI: 'true' }, quiet: false })).toBe(false);
    expect(isProgressShown({ stream: tty, env: {}, quiet: true })).toBe(false);
    expect(isProgressShown({ stream: tty, env: { TERM: 'dumb' }, quiet: false })).toBe(false);
  });

  it('redraws only when the visible step changes, and erases itself when done', () => {
    const written: string[] = [];
    const bar = createProgressBar({ stream: { write: (text: string) => written.push(text) > 0, isTTY: true }, env: {}, quiet: false });
    for (let done = 0; done <= 1000; done++) bar.update({ phase: 'analyze', done, total: 1000 });
    bar.done();
    expect(written.length).toBeLessThanOrEqual(50);
    expect(written.at(-1)).toBe('\r\u001b[K');
  });

  it('never appears when stderr is a pipe (the CLI as run by scripts and CI)', async () => {
    const run = await runCli([repo.root], { env: { CI: '' } });
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('\r');
    expect(run.stderr).not.toMatch(/collect…|fit…|render…/);
  });

  const hasScript = spawnSync('script', ['--version']).status === 0;
  (hasScript ? it : it.skip)('appears on a pseudo-terminal (script -qc) and is erased before the summary', async () => {
    const out = join(repo.root, 'bundle.xml');
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI_PATH)} ${JSON.stringify(repo.root)} -o ${JSON.stringify(out)}`;
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn('script', ['-qec', command, '/dev/null'], { env: localEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
      let text = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      child.on('error', reject);
      child.on('close', () => resolve(text));
    });
    expect(output).toMatch(/\rcollect…/);
    expect(output).toContain('\r\u001b[K');
    expect(output).toMatch(/\r\u001b\[Krepopack 2 files/);
  });
});
