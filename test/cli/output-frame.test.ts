import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { loadTokenizer } from '../../src/tokenize/index.js';
import { runCli } from '../helpers/run-cli.js';
import { readXmlBundle } from '../render/bundle-readers.js';
import { useOutputFixture } from './output-helpers.js';

const fixture = useOutputFixture();

describe('--header-text, --instructions, --line-numbers, --no-tree', () => {
  it('xml: header text in the header, instructions last, numbered lines, no tree; still valid XML', async () => {
    const instructions = join(fixture.bin, 'instructions.md');
    await writeFile(instructions, 'Answer in one paragraph & cite files.\n');
    const args = ['--header-text', 'Code review <draft>', '--instructions', instructions, '--line-numbers', '--no-tree'];
    const run = await runCli([fixture.repo.root, ...args]);
    expect(run.code).toBe(0);
    expect(XMLValidator.validate(run.stdout)).toBe(true);
    expect(run.stdout).toContain('Code review &lt;draft>\n</header>');
    expect(run.stdout).not.toContain('<tree>');
    expect(run.stdout.endsWith('<instructions>\nAnswer in one paragraph &amp; cite files.\n</instructions>\n</repository>\n')).toBe(true);
    const index = readXmlBundle(run.stdout).files.find((file) => file.path === 'src/index.ts');
    expect(index?.content).toBe('1: export function greet(name: string): string {\n2:   return `hello ${name}`;\n3: }\n');
  });

  it('json: still parses, with headerText and instructions fields', async () => {
    const instructions = join(fixture.bin, 'instructions.txt');
    await writeFile(instructions, 'Be brief.');
    const run = await runCli([fixture.repo.root, '--style', 'json', '--header-text', 'Hi', '--instructions', instructions, '--no-tree']);
    const bundle = JSON.parse(run.stdout);
    expect(bundle.repopack.headerText).toBe('Hi');
    expect(bundle.instructions).toBe('Be brief.');
    expect(bundle.tree).toBeUndefined();
  });

  it('instructions count against the budget: a long one squeezes the files, the bundle stays within it', async () => {
    const instructions = join(fixture.bin, 'long.txt');
    await writeFile(instructions, 'Please consider every detail of the code carefully. '.repeat(60));
    const budget = 1200;
    const run = await runCli([fixture.repo.root, '--budget', String(budget), '--instructions', instructions, '--json', '-']);
    expect(run.code).toBe(0);
    const tokens = (await loadTokenizer('o200k')).count(run.stdout);
    expect(tokens).toBeLessThanOrEqual(budget);
    expect(JSON.parse(run.stderr).tokens).toBe(tokens);
    expect(run.stdout).toContain('</instructions>');
  });

  it('an unreadable --instructions file is a usage error naming it (exit 2)', async () => {
    const run = await runCli([fixture.repo.root, '--instructions', join(fixture.bin, 'nope.md')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--instructions');
    expect(run.stderr).toContain('nope.md');
    expect(run.stdout).toBe('');
  });
});
