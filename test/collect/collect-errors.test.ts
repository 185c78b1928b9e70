import { join } from 'node:path';
import { collectFiles } from '../../src/collect/index.js';
import { UsageError } from '../../src/shared/errors.js';
import { type TempRepo, makeRepo } from '../helpers/make-repo.js';
import { collect } from './collect-test-kit.js';

let repo: TempRepo;
afterEach(() => repo.cleanup());

describe('collectFiles errors', () => {
  it('throws a UsageError quoting a root that does not exist', async () => {
    repo = await makeRepo({}, { git: false });
    const missing = join(repo.root, 'no such dir');
    const attempt = collectFiles({ root: missing, include: [], ignore: [], maxFileBytes: 1000 });
    await expect(attempt).rejects.toBeInstanceOf(UsageError);
    await expect(attempt).rejects.toThrow(`root "${missing}" does not exist`);
  });

  it('throws a UsageError when the root is a file', async () => {
    repo = await makeRepo({ 'file.ts': 'x\n' }, { git: false });
    const file = join(repo.root, 'file.ts');
    await expect(collect(file)).rejects.toThrow(new UsageError(`root "${file}" is not a directory`));
  });

  it('returns an empty collection for an empty directory', async () => {
    repo = await makeRepo({}, { git: false });
    const collection = await collect(repo.root);
    expect(collection.files).toEqual([]);
    expect(collection.skipped).toEqual([]);
  });
});
