import { createGitRunner, readIndexFingerprint } from '../../src/git/index.js';
import { makeRepo, type TempRepo } from '../helpers/make-repo.js';

let repo: TempRepo;
afterEach(() => repo.cleanup());

describe('readIndexFingerprint', () => {
  it('follows the index, not the work tree, and writes nothing to the object store', async () => {
    repo = await makeRepo({ 'a.ts': 'export const a = 1;\n', 'snap.xml': 'old\n' }, { commit: true });
    const git = createGitRunner(repo.root);
    const objectsBefore = await repo.git('count-objects', '-v');
    const first = await readIndexFingerprint(git, ['snap.xml']);
    expect(await repo.git('count-objects', '-v')).toBe(objectsBefore);
    expect(first.head).toMatch(/^[0-9a-f]{40}$/);
    expect(first.branch).toBe('main');

    await repo.write('a.ts', 'export const a = "work tree";\n');
    expect(await readIndexFingerprint(git, ['snap.xml'])).toEqual(first);
    await repo.write('snap.xml', 'new\n');
    await repo.git('add', 'snap.xml');
    expect(await readIndexFingerprint(git, ['snap.xml'])).toEqual(first);
    expect((await readIndexFingerprint(git)).entries).not.toBe(first.entries);

    await repo.git('add', 'a.ts');
    expect((await readIndexFingerprint(git, ['snap.xml'])).entries).not.toBe(first.entries);
  });

  it('records the work-tree bytes of ignore and attribute files, listed or not', async () => {
    repo = await makeRepo({ 'a.ts': 'export const a = 1;\n', 'lib/.gitattributes': '*.bin binary\n' }, { commit: true });
    const git = createGitRunner(repo.root);
    const first = await readIndexFingerprint(git);
    expect(first.workTreeInputs.map(([path, digest]) => [path, digest === null])).toEqual([
      ['.gitattributes', true],
      ['.repopackignore', true],
      ['lib/.gitattributes', false],
    ]);
    await repo.write('.repopackignore', 'a.ts\n');
    await repo.write('lib/.gitattributes', '*.bin -diff\n');
    const second = await readIndexFingerprint(git);
    expect(second.entries).toBe(first.entries);
    expect(second.workTreeInputs).not.toEqual(first.workTreeInputs);
    expect(second.workTreeInputs.every(([path, digest]) => path === '.gitattributes' || digest !== null)).toBe(true);
  });

  it('outside a work tree it throws the usage error of the diff flags', async () => {
    repo = await makeRepo({ 'a.ts': '' }, { git: false });
    await expect(readIndexFingerprint(createGitRunner(repo.root))).rejects.toThrow(/not inside a git work tree/);
  });
});
