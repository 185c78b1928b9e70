import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { makeRepo, type TempRepo } from '../helpers/make-repo.js';

const SCRIPT = fileURLToPath(new URL('../../scripts/eval.mjs', import.meta.url));

function runEval(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
    execFile('node', [SCRIPT, ...args], { env, encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

const filler = (name: string) => Array.from({ length: 40 }, (_, index) => `export const ${name}Value${index} = ${index};`).join('\n') + '\n';

describe('npm run eval', () => {
  let repo: TempRepo | undefined;
  afterEach(async () => {
    await repo?.cleanup();
    repo = undefined;
  });

  it('builds cases from commits changing 1–4 source files and reports recall next to the BM25 baseline', async () => {
    repo = await makeRepo(
      {
        'README.md': '# shop\n',
        'src/cart.ts': filler('cart'),
        'src/login.ts': 'export function login(user: string) { return user; }\n' + filler('login'),
        'src/search.ts': filler('search'),
        'test/cart.test.ts': "import './../src/cart.js';\n",
      },
      { commit: true },
    );
    await repo.write('src/login.ts', 'export function login(user: string) { return user.trim(); }\n' + filler('login'));
    await repo.write('test/cart.test.ts', "import './../src/cart.js';\n// more\n");
    await repo.git('commit', '-qam', 'Trim the user name on login');
    await repo.write('src/search.ts', filler('search') + 'export const searchLimit = 5;\n');
    await repo.write('src/new-file.ts', 'export const added = 1;\n');
    await repo.git('add', '-A');
    await repo.git('commit', '-qm', 'Limit search results');
    await repo.write('README.md', '# shop!\n');
    await repo.git('commit', '-qam', 'Docs only: no source file, no case');

    const run = await runEval([repo.root, '--cases', '5', '--budgets', '4k', '--json', '--no-syntax']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as {
      cases: number;
      results: { message: string; gold: string[]; budgets: Record<string, { levels: string[]; baseline: boolean[] }> }[];
      summary: { budget: number; allAny: number; baselineAll: number }[];
    };
    expect(report.cases).toBe(2);
    expect(report.results.map((result) => [result.message, result.gold])).toEqual([
      ['Limit search results', ['src/search.ts']],
      ['Trim the user name on login', ['src/login.ts']],
    ]);
    for (const result of report.results) expect(result.budgets['4000']!.levels).toEqual(['full']);
    expect(report.summary).toEqual([expect.objectContaining({ budget: 4000, allAny: 100 })]);
    // The worktree is removed again.
    expect(await repo.git('worktree', 'list')).not.toContain('repopack-eval-');
  });

  it('fails with a message when no commit qualifies', async () => {
    repo = await makeRepo({ 'README.md': '# x\n' }, { commit: true });
    const run = await runEval([repo.root, '--json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/no commits .* change 1–4 source files/);
  });
});

describe('eval task text', () => {
  it('leaves out git trailers: the names of people and tools are not part of the task', async () => {
    const casesModule = new URL('../../scripts/eval-cases.mjs', import.meta.url).href;
    const { withoutTrailers } = (await import(casesModule)) as { withoutTrailers: (message: string) => string };
    const message = 'Fix login redirect\n\nKeep the next= parameter.\n\nCo-authored-by: A <a@example.invalid>\nSigned-off-by: B <b@example.invalid>\n';
    expect(withoutTrailers(message)).toBe('Fix login redirect\n\nKeep the next= parameter.');
  });
});

describe('eval feasible cases', () => {
  it('reports "in full" over the cases whose gold full text fits the room, next to the raw share', async () => {
    const casesModule = new URL('../../scripts/eval-cases.mjs', import.meta.url).href;
    type Row = { levels: string[]; baseline: boolean[]; goldFullTokens: number; room: number };
    const { summarize } = (await import(casesModule)) as {
      summarize: (results: { budgets: Record<number, Row> }[], budgets: number[]) => Record<string, number>[];
    };
    const row = (level: string, goldFullTokens: number): { budgets: Record<number, Row> } => ({
      budgets: { 1000: { levels: [level], baseline: [false], goldFullTokens, room: 900 } },
    });
    // One case met in full, one feasible miss, one whose gold file alone is larger than the room.
    const [summary] = summarize([row('full', 500), row('outline', 800), row('head', 5000)], [1000]);
    expect(summary).toMatchObject({ feasible: 2, allFullFeasible: 50, baselineAllFeasible: 0 });
    expect(summary!.allFull).toBeCloseTo(100 / 3, 5);
  });
});
