import { pack } from '../../src/pack.js';
import { BudgetError, UsageError } from '../../src/shared/errors.js';
import { makeRepo, type TempRepo } from '../helpers/make-repo.js';

let repo: TempRepo;
afterEach(() => repo.cleanup());

describe('pack: budgets too small and bad roots', () => {
  it('a budget below the header and one-line tree throws BudgetError naming the minimum', async () => {
    repo = await makeRepo({ 'a.ts': 'export const a = 1;\n' });
    const error = await pack({ root: repo.root, budget: 50 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BudgetError);
    expect((error as BudgetError).message).toMatch(/--budget 50 is below the smallest possible bundle \([\d,]+ tokens\)/);
    expect((error as BudgetError).hint).toMatch(/use at least --budget \d+k/);
  });

  it('the minimum it names is enough', async () => {
    repo = await makeRepo({ 'a.ts': 'export const a = 1;\n' });
    const error = (await pack({ root: repo.root, budget: 50 }).catch((caught: unknown) => caught)) as BudgetError;
    const minimum = Number(/\(([\d,]+) tokens\)/.exec(error.message)![1]!.replace(/,/g, ''));
    const result = await pack({ root: repo.root, budget: minimum });
    expect(result.report.tokens).toBeLessThanOrEqual(minimum);
  });

  it('a root that is a file is a UsageError', async () => {
    repo = await makeRepo({ 'a.ts': 'x\n' });
    await expect(pack({ root: `${repo.root}/a.ts` })).rejects.toBeInstanceOf(UsageError);
  });
});
