import { execFile } from 'node:child_process';
import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { makeRepo, type TempRepo } from '../helpers/make-repo.js';

const run = promisify(execFile);
const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));

let repo: TempRepo;
beforeEach(async () => {
  repo = await makeRepo({
    'README.md': '# Shop\n\nA tiny shop.\n',
    'src/cart.py': 'def total(items):\n    """Sum of prices."""\n    return sum(i.price for i in items)\n',
  });
});
afterEach(() => repo.cleanup());

describe('examples/ run as documented', () => {
  it('library-usage.mjs packs a directory through the public package entry', async () => {
    const { stdout } = await run(process.execPath, [join(EXAMPLES, 'library-usage.mjs'), repo.root, '8k']);
    expect(stdout).toMatch(/^bundle: \d+ characters, \d+ of 8000 tokens \(o200k\)$/m);
    expect(stdout).toContain('in full: README.md, src/cart.py');
  });

  it('pipe-into-chat.sh pipes the bundle into a chat CLI that reads stdin', async () => {
    // Stand-in for a chat CLI: reports what it read on stdin and the question it was given.
    const fakeChat = join(repo.root, 'fake-chat.sh');
    await writeFile(fakeChat, '#!/usr/bin/env bash\nbytes=$(wc -c)\necho "question: $1"\necho "stdin bytes: $bytes"\n');
    await chmod(fakeChat, 0o755);
    const { stdout, stderr } = await run('bash', [join(EXAMPLES, 'pipe-into-chat.sh'), repo.root, 'What does total do?'], {
      env: { ...process.env, CHAT_CMD: fakeChat, BUDGET: '16k' },
    });
    expect(stdout).toContain('question: What does total do?');
    const bytes = Number(/stdin bytes: (\d+)/.exec(stdout)![1]);
    expect(bytes).toBeGreaterThan(200);
    expect(stderr).toBe('');
  });
});
