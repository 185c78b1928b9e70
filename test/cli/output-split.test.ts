import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { loadTokenizer } from '../../src/tokenize/index.js';
import { makeRepo, type TempRepo } from '../helpers/make-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { readXmlBundle } from '../render/bundle-readers.js';

const FILE_COUNT = 16;
const BUDGET = 1500;

/** Sixteen modules of ~130 tokens each: about 2,100 tokens of content, more than one part holds. */
function files(): Record<string, string> {
  const result: Record<string, string> = { 'README.md': '# Split demo\n\nSixteen small modules.\n' };
  for (let index = 0; index < FILE_COUNT; index++) {
    const lines = Array.from({ length: 8 }, (_, line) => `export const value${index}_${line} = ${index * 100 + line} + offset${line};`);
    result[`src/module-${String(index).padStart(2, '0')}.ts`] = `${lines.join('\n')}\n`;
  }
  return result;
}

let repo: TempRepo;
beforeAll(async () => {
  repo = await makeRepo(files(), { commit: true });
});
afterAll(() => repo.cleanup());

describe('--split N', () => {
  it('-o out.xml writes out.1.xml, out.2.xml…: each within the budget, valid XML, every file in exactly one part', async () => {
    const out = join(repo.root, 'out', 'bundle.xml');
    await repo.write('out/.keep', '');
    const run = await runCli([repo.root, '--budget', String(BUDGET), '--split', '3', '-o', out, '--include', 'src/**', 'README.md']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    const names = (await readdir(join(repo.root, 'out'))).filter((name) => name.endsWith('.xml')).sort();
    expect(names.length).toBeGreaterThanOrEqual(2);
    expect(names.length).toBeLessThanOrEqual(3);
    expect(names).toEqual(names.map((_, index) => `bundle.${index + 1}.xml`));
    const tokenizer = await loadTokenizer('o200k');
    const seen: string[] = [];
    for (const [index, name] of names.entries()) {
      const part = await readFile(join(repo.root, 'out', name), 'utf8');
      expect(tokenizer.count(part)).toBeLessThanOrEqual(BUDGET);
      expect(XMLValidator.validate(part)).toBe(true);
      expect(part).toContain(`This is part ${index + 1} of ${names.length}.`);
      expect(part.includes('<tree>')).toBe(index === 0);
      seen.push(...readXmlBundle(part).files.map((file) => file.path));
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(FILE_COUNT + 1);
    expect(run.stderr).toMatch(new RegExp(`split into ${names.length} parts \\(each ≤ 1,500 tokens\\): .*bundle\\.1\\.xml`));
  });

  it('json parts on stdout each parse on their own; the JSON report lists the parts', async () => {
    const run = await runCli([repo.root, '--budget', String(BUDGET), '--split', '2', '--style', 'json', '--json', '-']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stderr);
    const parts = run.stdout.split(/(?<=\}\n)(?=\{"repopack")/);
    expect(parts.length).toBe(report.totals.parts.length);
    const tokenizer = await loadTokenizer('o200k');
    for (const [index, part] of parts.entries()) {
      expect(JSON.parse(part).repopack.part).toEqual({ index: index + 1, count: parts.length });
      expect(tokenizer.count(part)).toBe(report.totals.parts[index].tokens);
      expect(tokenizer.count(part)).toBeLessThanOrEqual(BUDGET);
    }
  });

  it('rejects a part count that is not a whole number from 1 to 100 (exit 2)', async () => {
    const run = await runCli([repo.root, '--split', '0']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--split 0 is not a number of parts');
  });
});
