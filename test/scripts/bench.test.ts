import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';

/* The bench is plain .mjs outside the TypeScript project; these interfaces describe what the tests use of it. */
interface BenchOptions {
  help: boolean;
  targets: string[];
  synthetic: number[];
  seed: number;
  timeoutMs: number;
  budget: string;
  runs: number;
  withRepomix: boolean;
  workDir: string;
  repomixDir: string;
}
interface ArgsModule {
  parseBenchArgs(argv: string[], context?: { cwd?: string; tmpdir?: string }): BenchOptions;
  parseCount(text: string): number | undefined;
  BenchUsageError: new (message: string) => Error;
}
interface Sample {
  wallMs: number;
  cpuMs: number;
  peakRssKiB: number;
  processes: number;
}
interface RunModule {
  median(values: number[]): number;
  aggregateUsage(text: string): Omit<Sample, 'wallMs'> | undefined;
  summarizeSamples(samples: Sample[]): Sample & { runs: number };
  runMeasured(invocation: { label: string; script: string; args: string[]; env: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<Sample>;
}
interface TableModule {
  groupDigits(value: number): string;
  formatRatio(numerator?: number, denominator?: number): string;
  formatTable(targets: unknown[]): string;
}
interface PlanEntry {
  file: string;
  language: string;
  bytes: number;
  neighbours: string[];
}
interface SyntheticModule {
  planSyntheticTree(fileCount: number, seed: number): PlanEntry[];
  ensureSyntheticTree(options: { parent: string; fileCount: number; seed: number }): Promise<string>;
}
interface OutputModule {
  countFileTokens(file: string): Promise<number | undefined>;
  countTargetFiles(target: string): Promise<{ files: number; source: string }>;
}

const SCRIPTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'scripts');
/** A non-literal specifier keeps tsc from looking for declarations of the .mjs files. */
const execFileAsync = promisify(execFile);
const load = async <T>(name: string): Promise<T> => (await import(path.join(SCRIPTS, name))) as T;

let args: ArgsModule;
let run: RunModule;
let table: TableModule;
let synthetic: SyntheticModule;
let output: OutputModule;
let scratch: string;

beforeAll(async () => {
  [args, run, table, synthetic, output] = await Promise.all([
    load<ArgsModule>('bench-args.mjs'),
    load<RunModule>('bench-run.mjs'),
    load<TableModule>('bench-table.mjs'),
    load<SyntheticModule>('bench-synthetic.mjs'),
    load<OutputModule>('bench-output.mjs'),
  ]);
});
beforeEach(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'repopack-bench-test-'));
});
afterEach(() => rm(scratch, { recursive: true, force: true }));

describe('bench arguments', () => {
  it('defaults to the current directory, 3 runs, 256k and Repomix under the temp dir', () => {
    const options = args.parseBenchArgs([], { cwd: scratch, tmpdir: '/tmp-x' });
    expect(options).toMatchObject({ targets: [scratch], runs: 3, budget: '256k', withRepomix: true, synthetic: [], timeoutMs: 1_800_000 });
    expect(options.repomixDir).toBe(path.join('/tmp-x', 'repopack-bench', 'repomix'));
  });

  it('reads paths, flags and a synthetic list (sorted, without duplicates, no default path)', () => {
    const options = args.parseBenchArgs(['--synthetic', '20k,1k,1_000', '--no-repomix', '--runs', '5', '--budget', '1M'], { cwd: scratch });
    expect(options).toMatchObject({ targets: [], synthetic: [1_000, 20_000], runs: 5, budget: '1M', withRepomix: false });
    expect(args.parseBenchArgs(['.', '--repomix-dir', 'rm'], { cwd: scratch }).repomixDir).toBe(path.join(scratch, 'rm'));
  });

  it.each([
    [['--runs', '0'], /--runs "0"/],
    [['--runs', 'three'], /--runs "three"/],
    [['--budget', 'lots'], /--budget "lots"/],
    [['--synthetic', '1k,x'], /"x" is not a file count/],
    [['--synthetic', '2M'], /"2M" is not a file count/],
    [['--seed', '-1'], /--seed|-1/],
    [['--timeout', '0'], /--timeout "0"/],
    [['--frobnicate'], /frobnicate/],
    [['--no-repomix', '--no-repopack'], /leave nothing to measure/],
    [['no-such-directory'], /PATH "no-such-directory" is not a directory/],
  ])('rejects %j with a message naming the value', (argv, message) => {
    expect(() => args.parseBenchArgs(argv, { cwd: scratch })).toThrow(args.BenchUsageError);
    expect(() => args.parseBenchArgs(argv, { cwd: scratch })).toThrow(message);
  });

  it('parses counts with k, M and separators', () => {
    expect([args.parseCount('1k'), args.parseCount('1.5M'), args.parseCount('200_000'), args.parseCount('7')]).toEqual([1_000, 1_500_000, 200_000, 7]);
    expect(args.parseCount('k')).toBeUndefined();
    expect(args.parseCount('1g')).toBeUndefined();
  });
});

describe('bench measurement', () => {
  it('takes medians and adds up the usage lines of every process', () => {
    expect(run.median([5, 1, 3])).toBe(3);
    expect(run.median([4, 1, 3, 2])).toBe(2.5);
    const lines = [
      { pid: 1, ppid: 0, maxRssKiB: 1_000, userMicros: 2_000, systemMicros: 500 },
      { pid: 2, ppid: 1, maxRssKiB: 300, userMicros: 1_000, systemMicros: 0 },
    ].map((record) => JSON.stringify(record));
    expect(run.aggregateUsage(`${lines.join('\n')}\n`)).toEqual({ cpuMs: 3.5, peakRssKiB: 1_300, processes: 2 });
    expect(run.aggregateUsage('')).toBeUndefined();
    const withChildren = [
      { pid: 1, ppid: 0, maxRssKiB: 1_000, userMicros: 2_000, systemMicros: 500, childrenMicros: 1_500 },
      { pid: 2, ppid: 1, maxRssKiB: 300, userMicros: 1_000, systemMicros: 0, childrenMicros: 0 },
    ].map((record) => JSON.stringify(record));
    expect(run.aggregateUsage(withChildren.join('\n'))).toEqual({ cpuMs: 4, peakRssKiB: 1_300, processes: 2 });
    const samples = [
      { wallMs: 30, cpuMs: 3, peakRssKiB: 100, processes: 1 },
      { wallMs: 10, cpuMs: 1, peakRssKiB: 300, processes: 1 },
      { wallMs: 20, cpuMs: 2, peakRssKiB: 200, processes: 1 },
    ];
    expect(run.summarizeSamples(samples)).toEqual({ runs: 3, wallMs: 20, cpuMs: 2, peakRssKiB: 300, processes: 1 });
  });

  it('measures a real child: more memory held shows as a higher peak RSS', async () => {
    const script = path.join(scratch, 'hold.mjs');
    // Random bytes: pages filled with one value can be merged or compressed by the kernel and not show in RSS.
    await writeFile(
      script,
      "import { randomFillSync } from 'node:crypto'; const b = randomFillSync(Buffer.allocUnsafe(Number(process.argv[2]) * 1048576)); console.log(b.length);\n",
    );
    const measure = (mb: number) => run.runMeasured({ label: 'hold', script, args: [String(mb)], env: process.env });
    const small = await measure(1);
    const large = await measure(200);
    expect(small.processes).toBe(1);
    expect(small.cpuMs).toBeGreaterThan(0);
    // At least half of the 200 MiB held: RSS accounting is coarse, but 1 MiB vs 200 MiB must show.
    expect(large.peakRssKiB - small.peakRssKiB).toBeGreaterThan(100 * 1024);
  });

  (process.platform === 'linux' ? it : it.skip)("reports a child's own peak, not its large parent's (Linux)", async () => {
    // getrusage's maxrss keeps the high-water mark of the memory before exec, a copy of the parent's: a child of a
    // 300 MiB parent (as of a test runner's worker) reported 300 MiB while holding 1.
    const child = path.join(scratch, 'hold.mjs');
    await writeFile(child, "import { randomFillSync } from 'node:crypto'; randomFillSync(Buffer.allocUnsafe(1048576));\n");
    const parent = path.join(scratch, 'parent.mjs');
    await writeFile(
      parent,
      `import { randomFillSync } from 'node:crypto';\nimport { runMeasured } from ${JSON.stringify(path.join(SCRIPTS, 'bench-run.mjs'))};\n` +
        `const held = randomFillSync(Buffer.allocUnsafe(300 * 1048576));\n` +
        `const sample = await runMeasured({ label: 'child', script: ${JSON.stringify(child)}, args: [], env: process.env });\n` +
        `console.log(JSON.stringify({ held: held.length, peakRssKiB: sample.peakRssKiB }));\n`,
    );
    const { stdout } = await execFileAsync(process.execPath, [parent]);
    const reported = JSON.parse(stdout) as { peakRssKiB: number };
    expect(reported.peakRssKiB).toBeLessThan(150 * 1024);
  });

  (process.platform === 'linux' ? it : it.skip)('counts the CPU time of children that are not Node (Linux)', async () => {
    const script = path.join(scratch, 'spawn.mjs');
    // Busy for 400 ms of its own CPU time (not wall time, which a loaded machine stretches).
    const busy = 'while (process.cpuUsage().user + process.cpuUsage().system < 400000) {}';
    await writeFile(script, `import { spawnSync } from 'node:child_process';\nspawnSync(process.execPath, ['-e', ${JSON.stringify(busy)}]);\n`);
    const sample = await run.runMeasured({ label: 'spawn', script, args: [], env: process.env });
    expect(sample.processes).toBe(1);
    expect(sample.cpuMs).toBeGreaterThanOrEqual(350);
  });

  it('rejects a failing child with the end of its stderr', async () => {
    const script = path.join(scratch, 'fail.mjs');
    await writeFile(script, "console.error('disk on fire'); process.exit(3);\n");
    await expect(run.runMeasured({ label: 'fail', script, args: [], env: process.env })).rejects.toThrow(/fail exited with 3:\ndisk on fire/);
  });

  it('kills a run that outlives its timeout and says so', async () => {
    const script = path.join(scratch, 'hang.mjs');
    await writeFile(script, 'setInterval(() => {}, 1000);\n');
    await expect(run.runMeasured({ label: 'hang', script, args: [], env: process.env, timeoutMs: 500 })).rejects.toThrow(/hang timed out/);
  });

  it('counts output tokens piecewise exactly like one whole count', async () => {
    const file = path.join(scratch, 'out.xml');
    const text = Array.from({ length: 60_000 }, (_, index) => `<line n="${index}">value ${index * 7} é</line>`).join('\n');
    await writeFile(file, text);
    expect((await stat(file)).size).toBeGreaterThan(2 * 1024 * 1024);
    expect(await output.countFileTokens(file)).toBe(countTokens(text));
  });
});

describe('bench table', () => {
  const summary = (wallMs: number, peakRssKiB: number) => ({ wallMs, cpuMs: wallMs / 2, peakRssKiB });
  const target = {
    label: 'demo',
    files: 1234,
    tools: [
      { name: 'repopack', cold: summary(1_000, 102_400), warm: summary(500, 102_400), output: { bytes: 1_000, tokens: 250 } },
      { name: 'Repomix', cold: summary(4_000, 204_800), warm: summary(2_000, 204_800), output: { bytes: 4_000, tokens: 1_000 } },
    ],
  };

  it('groups digits and formats ratios without the locale', () => {
    expect([table.groupDigits(1234567), table.groupDigits(999), table.groupDigits(-1234.5)]).toEqual(['1,234,567', '999', '-1,234.5']);
    expect([table.formatRatio(1, 4), table.formatRatio(30, 2), table.formatRatio(1, 0), table.formatRatio(undefined, 1)]).toEqual(['0.25x', '15.0x', '-', '-']);
  });

  it('prints cold and warm rows per tool and the ratio rows', () => {
    const lines = table.formatTable([target]).split('\n');
    expect(lines[0]).toMatch(/^target\s+files\s+tool\s+mode\s+wall s\s+cpu s\s+peak RSS MB\s+out tokens\s+out bytes$/);
    expect(lines).toHaveLength(2 + 6);
    expect(lines[2]).toMatch(/^demo\s+1,234\s+repopack\s+cold\s+1\.00\s+0\.50\s+100\s+250\s+1,000$/);
    expect(lines[7]).toMatch(/^demo\s+repopack\/Repomix\s+warm\s+0\.25x\s+0\.25x\s+0\.50x\s+0\.25x\s+0\.25x$/);
  });

  it('shows a failed tool as one row and no ratios', () => {
    const failed = { ...target, tools: [{ name: 'repopack', error: 'boom' }, target.tools[1]] };
    const text = table.formatTable([failed]);
    expect(text).toMatch(/repopack\s+failed/);
    expect(text).not.toContain('repopack/Repomix');
  });
});

describe('synthetic trees', () => {
  const digest = async (root: string) => {
    const hash = createHash('sha256');
    const entries = await readdir(root, { recursive: true, withFileTypes: true });
    const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
    for (const file of files.sort()) hash.update(path.relative(root, file)).update(await readFile(file));
    return { count: files.length, digest: hash.digest('hex') };
  };

  it('plans the same tree for the same seed and another for another seed', () => {
    const plan = synthetic.planSyntheticTree(500, 7);
    expect(synthetic.planSyntheticTree(500, 7)).toEqual(plan);
    expect(synthetic.planSyntheticTree(500, 8)).not.toEqual(plan);
    expect(new Set(plan.map((entry) => entry.file)).size).toBe(500);
    expect(new Set(plan.map((entry) => entry.language))).toEqual(new Set(['ts', 'py', 'go', 'md', 'json']));
    expect(Math.max(...plan.map((entry) => entry.file.split('/').length))).toBeGreaterThan(2);
    expect(plan.every((entry) => entry.bytes >= 200 && entry.bytes <= 40_000)).toBe(true);
    expect(plan.every((entry) => entry.neighbours.every((other) => other.endsWith(`.${entry.language}`)))).toBe(true);
  });

  it('writes identical bytes in two places, valid JSON included, and reuses a finished tree', async () => {
    const first = await synthetic.ensureSyntheticTree({ parent: path.join(scratch, 'a'), fileCount: 300, seed: 3 });
    const second = await synthetic.ensureSyntheticTree({ parent: path.join(scratch, 'b'), fileCount: 300, seed: 3 });
    const [one, two] = await Promise.all([digest(first), digest(second)]);
    expect(one).toEqual(two);
    expect(one.count).toBe(300);
    expect(await output.countTargetFiles(first)).toEqual({ files: 300, source: 'walk' });
    const json = synthetic.planSyntheticTree(300, 3).find((entry) => entry.language === 'json');
    expect(JSON.parse(await readFile(path.join(first, json?.file ?? ''), 'utf8'))).toHaveProperty('entries');
    await writeFile(path.join(first, 'kept.txt'), 'a finished tree is reused, not rewritten\n');
    await synthetic.ensureSyntheticTree({ parent: path.join(scratch, 'a'), fileCount: 300, seed: 3 });
    expect(await readFile(path.join(first, 'kept.txt'), 'utf8')).toContain('reused');
  });
});
