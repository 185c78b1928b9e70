import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { pack } from '../../src/pack.js';
import { RACY_WINDOW_MS } from '../../src/pack-result-cache.js';
import { makeRepo, type TempRepo } from '../helpers/make-repo.js';
import { runCli } from '../helpers/run-cli.js';

/** A Python module with bodies, so a tight budget shows skeletons and heads (the lazily rebuilt variant texts). */
function module(name: string, functions: number): string {
  const body = (index: number) =>
    `def ${name}_step_${index}(value, limit=${index}):\n    """Step ${index} of ${name}."""\n` +
    `    total = 0\n    for item in range(limit):\n        total += item * value  # accumulate\n    return total\n`;
  return `"""The ${name} module."""\nimport os\n\n` + Array.from({ length: functions }, (_, index) => body(index)).join('\n');
}

const FILES: Record<string, string> = {
  'README.md': '# Demo\n\nA demo package.\n\n## Usage\n\nRun it.\n',
  'pkg/core.py': module('core', 30),
  'pkg/util.py': module('util', 25),
  'pkg/extra.py': module('extra', 40),
  'docs/guide.md': Array.from({ length: 40 }, (_, index) => `## Part ${index}\n\nText of part ${index}.\n`).join('\n'),
  'tests/test_core.py': module('test_core', 20),
};
/** Small enough that most files are compressed, large enough for the header and tree. */
const BUDGET = 2_500;

let repo: TempRepo;
let cacheDirectory: string;
beforeEach(async () => {
  repo = await makeRepo(FILES, { commit: true });
  cacheDirectory = await mkdtemp(join(tmpdir(), 'repopack-pack-cache-'));
});
afterEach(async () => {
  await repo.cleanup();
  await rm(cacheDirectory, { recursive: true, force: true });
});

/** Past the racy window, so whole results are stored too and their files are checked like the rest. */
const settle = () => new Promise((resolve) => setTimeout(resolve, RACY_WINDOW_MS + 200));

const packWith = (cache: boolean) => pack({ root: repo.root, budget: BUDGET, cache, cacheDirectory });

describe('pack with the cache', () => {
  it('a warm run gives the same bytes as a run without cache, compressed levels included', async () => {
    const uncached = await packWith(false);
    expect(await readdir(cacheDirectory)).toEqual([]);
    const levels = new Set(uncached.report.plan.entries.map((entry) => entry.variant.level));
    expect([...levels].some((level) => level !== 'full' && level !== 'path')).toBe(true);
    const cold = await packWith(true);
    expect((await readdir(cacheDirectory)).length).toBeGreaterThan(0);
    const warm = await packWith(true);
    const warmAgain = await packWith(true);
    expect(cold.bundle).toBe(uncached.bundle);
    expect(warm.bundle).toBe(uncached.bundle);
    expect(warmAgain.bundle).toBe(uncached.bundle);
    expect(warm.report.tokens).toBe(uncached.report.tokens);
  });

  it('never serves a changed file stale, even at the same size', async () => {
    await packWith(true);
    const before = await readFile(join(repo.root, 'README.md'), 'utf8');
    await writeFile(join(repo.root, 'README.md'), before.replace('A demo package.', 'A test package.'));
    const warm = await packWith(true);
    expect(warm.bundle).toContain('A test package.');
    expect(warm.bundle).not.toContain('A demo package.');
    expect(warm.bundle).toBe((await packWith(false)).bundle);
  });

  it('rebuilds from a corrupt cache without an error and leaves valid files behind', async () => {
    await settle();
    const uncached = await packWith(false);
    await packWith(true);
    for (const file of await cacheFiles(cacheDirectory)) await writeFile(file, '{"tag":"repopack-cache",');
    const healed = await packWith(true);
    expect(healed.bundle).toBe(uncached.bundle);
    expect(healed.report.warnings.filter((warning) => warning.includes('cache'))).toEqual([]);
    for (const file of await cacheFiles(cacheDirectory)) expect(() => JSON.parse(readFileSync(file, 'utf8'))).not.toThrow();
  });
});

describe('CLI cache options', () => {
  it('--no-cache writes nothing; --cache-dir is where the cache goes', async () => {
    const target = join(cacheDirectory, 'nested', 'dir');
    const uncached = await runCli([repo.root, '--budget', String(BUDGET), '--no-cache', '--cache-dir', target, '-q']);
    expect(uncached.code).toBe(0);
    expect(await readdir(cacheDirectory)).toEqual([]);
    const cached = await runCli([repo.root, '--budget', String(BUDGET), '--cache-dir', target, '-q']);
    expect(cached.stdout).toBe(uncached.stdout);
    expect((await readdir(target)).length).toBeGreaterThan(0);
  });

  it('two concurrent packs sharing a cache both succeed, and the cache they leave is valid and used', async () => {
    await settle();
    const args = [repo.root, '--budget', String(BUDGET), '--cache-dir', cacheDirectory, '-q'];
    const [one, two] = await Promise.all([runCli(args), runCli([...args, '--style', 'markdown'])]);
    expect([one.code, two.code, one.stderr, two.stderr]).toEqual([0, 0, '', '']);
    const files = await cacheFiles(cacheDirectory);
    expect(files.filter((file) => !file.endsWith('.json'))).toEqual([]);
    expect(files.some((file) => file.includes(`${sep}results${sep}`))).toBe(true);
    // Namespace files carry the cache tag; whole results (kept once the tree is older than the racy window) a fingerprint.
    for (const file of files) {
      const stored = JSON.parse(readFileSync(file, 'utf8')) as { tag?: string; fingerprint?: string };
      expect(file.includes(`${sep}results${sep}`) ? typeof stored.fingerprint : stored.tag).toBe(file.includes(`${sep}results${sep}`) ? 'string' : 'repopack-cache');
    }
    const third = await runCli(args);
    expect(third.stdout).toBe(one.stdout);
  });
});

/** Every file in the cache: the namespace files and, in `results/`, the whole results. */
async function cacheFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (entry) => (entry.isDirectory() ? cacheFiles(join(directory, entry.name)) : [join(directory, entry.name)])),
  );
  return nested.flat().sort();
}
