import { get_encoding, type Tiktoken } from 'tiktoken';
import { pack } from '../../src/pack.js';
import type { Style } from '../../src/render/index.js';
import { makeRepo, type TempRepo } from '../helpers/make-repo.js';
import { mulberry32, pick, randomInt } from '../helpers/prng.js';
import { randomRepo } from '../helpers/random-repo.js';

/** ≥ 200 generated repositories × random budgets and styles (issue #2 acceptance). */
const REPOSITORY_COUNT = 200;
const STYLES: Style[] = ['xml', 'markdown', 'plain', 'json'];
const BUDGETS = [4_000, 6_000, 10_000, 32_000, 100_000, 256_000];

let oracle: Tiktoken;
beforeAll(() => {
  oracle = get_encoding('o200k_base');
});
afterAll(() => oracle.free());

const FOCUS_WORDS = ['login', 'user', 'value', 'fix the return value', 'TypeError', 'dataLoader', 'snake_case_name', '数据', '\u0000'];

/** Half the runs pack with a task text: random words, sometimes a listed path or a stack-trace frame naming one. */
function randomFocus(random: () => number, listed: readonly string[]): string | undefined {
  if (random() < 0.5) return undefined;
  const parts = Array.from({ length: 1 + randomInt(random, 4) }, () => pick(random, FOCUS_WORDS));
  if (listed.length > 0 && random() < 0.5) parts.push(`at f (${pick(random, [...listed])}:${randomInt(random, 99)}:1)`);
  return parts.join(' ');
}

function isListed(path: string, bundle: string, collapsed: readonly { path: string }[]): boolean {
  if (collapsed.some((directory) => directory.path === '' || path.startsWith(directory.path + '/'))) return true;
  return bundle.includes(path.slice(path.lastIndexOf('/') + 1));
}

describe('the budget is a contract (property over generated repositories)', () => {
  let repo: TempRepo | undefined;
  afterEach(async () => {
    await repo?.cleanup();
    repo = undefined;
  });

  for (let seed = 1; seed <= REPOSITORY_COUNT; seed++) {
    it(`repository #${seed}: within budget, everything listed, deterministic`, async () => {
      const random = mulberry32(seed * 7919);
      const generated = randomRepo(seed);
      repo = await makeRepo(generated.files, { git: random() < 0.6, commit: random() < 0.3 });
      const budget = pick(random, BUDGETS) + randomInt(random, 1000);
      const style = pick(random, STYLES);
      // A separate stream, so the repositories, budgets and styles of earlier runs stay the same.
      const focus = randomFocus(mulberry32(seed * 104_729), generated.listed);
      const options = { root: repo.root, budget, style, ...(focus === undefined ? {} : { focus }) };

      const first = await pack(options);
      const tokens = oracle.encode_ordinary(first.bundle).length;
      expect(tokens).toBeLessThanOrEqual(budget);
      expect(first.report.tokens).toBe(tokens);

      const reported = [...first.report.plan.entries.map((e) => e.path), ...first.report.skipped.map((s) => s.path)];
      expect(reported.sort()).toEqual([...generated.listed]);
      for (const path of generated.listed) expect(isListed(path, first.bundle, first.report.plan.collapsed)).toBe(true);
      for (const path of generated.ignored) expect(reported).not.toContain(path);
      if (style === 'json') expect(() => JSON.parse(first.bundle)).not.toThrow();

      const second = await pack(options);
      expect(second.bundle).toBe(first.bundle);
    });
  }
});
