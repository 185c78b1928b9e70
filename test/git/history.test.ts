import { parseLog, readHistory } from '../../src/git/index.js';
import { makeRepo, type TempRepo } from '../helpers/make-repo.js';

describe('readHistory', () => {
  let repo: TempRepo | undefined;
  afterEach(async () => {
    await repo?.cleanup();
    repo = undefined;
  });

  it('lists commits newest first with the files each changed, relative to the root', async () => {
    repo = await makeRepo({ 'a.txt': '1\n', 'sub/b.txt': '1\n' }, { commit: true });
    await repo.write('sub/b.txt', '2\n');
    await repo.git('commit', '-qam', 'second');
    const result = await readHistory(repo.root);
    expect(result).toEqual({
      kind: 'history',
      commits: [
        { epochSeconds: Date.parse('2026-01-01T00:00:00Z') / 1000, paths: ['sub/b.txt'] },
        { epochSeconds: Date.parse('2026-01-01T00:00:00Z') / 1000, paths: ['a.txt', 'sub/b.txt'] },
      ],
    });
    const nested = await readHistory(`${repo.root}/sub`);
    expect(nested.kind === 'history' && nested.commits.map((commit) => commit.paths)).toEqual([['b.txt'], ['b.txt']]);
  });

  it('reports a directory without git, or a repository without commits, as absent instead of throwing', async () => {
    repo = await makeRepo({ 'a.txt': '1\n' }, { git: false });
    expect(await readHistory(repo.root)).toMatchObject({ kind: 'absent' });
    await repo.git('init', '-q');
    expect(await readHistory(repo.root)).toMatchObject({ kind: 'absent', reason: 'not-a-repository' });
  });

  it('parses names with spaces and unicode', () => {
    const log = '\u001e200000000\nnew file.ts\nünï.py\n\u001e100\nold.ts\n';
    expect(parseLog(log)).toEqual([
      { epochSeconds: 200000000, paths: ['new file.ts', 'ünï.py'] },
      { epochSeconds: 100, paths: ['old.ts'] },
    ]);
  });
});
