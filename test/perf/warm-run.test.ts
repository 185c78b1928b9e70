import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SyntaxAnalyzer } from '../../src/analyze/index.js';
import { openCache } from '../../src/cache/index.js';
import { pack } from '../../src/pack.js';
import { defaultEnv, type PackEnv } from '../../src/pack-env.js';
import { makeRepo, type TempRepo } from '../helpers/make-repo.js';

/** Work counters instead of timings: a warm run must not parse, and must count only texts too short to cache. */
interface Work {
  parsed: number;
  countedChars: number;
}

function countingEnv(work: Work, cacheDirectory: string): PackEnv {
  const real = defaultEnv();
  return {
    async loadTokenizer(name) {
      const tokenizer = await real.loadTokenizer(name);
      return {
        name,
        count: (text: string) => {
          work.countedChars += text.length;
          return tokenizer.count(text);
        },
      };
    },
    async createSyntaxAnalyzer(): Promise<SyntaxAnalyzer> {
      const analyzer = await real.createSyntaxAnalyzer!();
      return {
        supports: (language) => analyzer.supports(language),
        analyze: (file) => {
          work.parsed++;
          return analyzer.analyze(file);
        },
        dispose: () => analyzer.dispose(),
      };
    },
    openCache: () => openCache({ directory: cacheDirectory }),
  };
}

const source = (name: string) =>
  Array.from({ length: 40 }, (_, index) => `export function ${name}${index}(value: number): number {\n  return value * ${index};\n}\n`).join('\n');

let repo: TempRepo;
let cacheDirectory: string;
beforeEach(async () => {
  repo = await makeRepo({ 'README.md': '# w\n', 'src/a.ts': source('a'), 'src/b.ts': source('b'), 'src/c.ts': source('c') });
  cacheDirectory = await mkdtemp(join(tmpdir(), 'repopack-warm-'));
});
afterEach(async () => {
  await repo.cleanup();
  await rm(cacheDirectory, { recursive: true, force: true });
});

it('a warm run parses nothing and counts far less than the cold run, for the same bundle', async () => {
  const cold: Work = { parsed: 0, countedChars: 0 };
  const warm: Work = { parsed: 0, countedChars: 0 };
  const options = { root: repo.root, budget: 2_000, compress: true };
  const first = await pack(options, countingEnv(cold, cacheDirectory));
  const second = await pack(options, countingEnv(warm, cacheDirectory));
  expect(second.bundle).toBe(first.bundle);
  expect(cold.parsed).toBeGreaterThan(0);
  expect(warm.parsed).toBe(0);
  expect(warm.countedChars).toBeLessThan(cold.countedChars / 10);
});
