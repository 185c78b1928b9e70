import { makeRepo, type TempRepo } from '../helpers/make-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { loadTokenizer } from '../../src/tokenize/index.js';

describe('repopack models and --model', () => {
  let repo: TempRepo | undefined;
  afterEach(() => repo?.cleanup());

  it('lists every preset with window, tokenizer and default budget', async () => {
    const run = await runCli(['models']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^model\s+window\s+tokenizer\s+default budget/);
    expect(run.stdout).toMatch(/qwen3-coder\s+262,144\s+qwen3\s+246,144/);
    expect(run.stdout).toMatch(/claude\s+200,000\s+o200k\s+141,538/);
    const json = await runCli(['models', '--json']);
    const rows = JSON.parse(json.stdout) as { name: string; tokenizer: string }[];
    expect(rows.find((row) => row.name === 'gpt-4o')?.tokenizer).toBe('o200k');
  });

  it('says that the claude preset is an estimate, where the factor comes from and where it falls short', async () => {
    const run = await runCli(['models']);
    expect(run.stdout).toMatch(/claude\s+200,000\s+o200k\s+141,538\s+estimate: o200k, budget ÷ 1\.3/);
    expect(run.stdout).toMatch(/^claude: Claude's tokenizer is not public: .*\+30% on Python .*Opus 4\.7 .*lower --budget/m);
    const rows = JSON.parse((await runCli(['models', '--json'])).stdout) as { name: string; caveat?: string }[];
    expect(rows.find((row) => row.name === 'claude')?.caveat).toContain('1.35x');
    expect(rows.find((row) => row.name === 'gpt-4o')?.caveat).toBeUndefined();
  });

  it('rejects an unknown model with exit 2, listing the known ones', async () => {
    repo = await makeRepo({ 'a.txt': 'a\n' });
    const run = await runCli([repo.root, '--model', 'gpt-9']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--model "gpt-9" is not a known model');
    expect(run.stderr).toMatch(/qwen3-coder, .*gpt-4o, .*claude/);
    expect(run.stdout).toBe('');
  });

  it('--model qwen3-coder counts with Qwen3 and keeps an explicit --budget, exact by the Qwen3 tokenizer', async () => {
    const files: Record<string, string> = { 'README.md': '# Demo\n\n快速、高性能的框架。\n' };
    for (let index = 0; index < 30; index++) {
      files[`src/module${index}.py`] = `def handler_${index}(request):\n    """处理请求 ${index}."""\n    return {"id": ${index}, "ok": True}\n`.repeat(12);
    }
    repo = await makeRepo(files, { commit: true });
    const run = await runCli([repo.root, '--model', 'qwen3-coder', '--budget', '3k']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/of 3,000 tokens \(qwen3\)/);
    const qwen = await loadTokenizer('qwen3');
    const tokens = qwen.count(run.stdout);
    expect(tokens).toBeLessThanOrEqual(3_000);
    expect(tokens).toBeGreaterThanOrEqual(3_000 * 0.9);
  });
});
