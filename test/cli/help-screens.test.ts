import { runCli } from '../helpers/run-cli.js';

/** A screen: 50 lines of 80 columns (the "help fits on one screen per command"). */
const SCREEN_LINES = 50;
const SCREEN_COLUMNS = 80;

describe('--help fits one 80×50 screen per command', () => {
  it.each([
    [[], 'repopack [path…] [options]'],
    [['snapshot'], 'repopack snapshot'],
    [['hook'], 'repopack hook'],
    [['models'], 'repopack models'],
    [['init'], 'repopack init'],
  ])('repopack %j --help', async (command, usage) => {
    const run = await runCli([...command, '--help'], { env: { COLUMNS: String(SCREEN_COLUMNS) } });
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toContain(usage);
    expect(lines.length).toBeLessThanOrEqual(SCREEN_LINES);
    const tooWide = lines.filter((line) => [...line].length > SCREEN_COLUMNS);
    expect(tooWide).toEqual([]);
  });

  it('the main help still names every command and shows examples', async () => {
    const run = await runCli(['--help'], { env: { COLUMNS: String(SCREEN_COLUMNS) } });
    for (const command of ['snapshot', 'hook', 'models', 'init', 'completion']) expect(run.stdout).toContain(`repopack ${command}`);
    expect(run.stdout).toMatch(/Examples:\n {2}repopack \. /);
  });
});
