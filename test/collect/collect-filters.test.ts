import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { type TempRepo, makeRepo } from '../helpers/make-repo.js';
import { collect, filePaths, isolateGitConfig, skipSummary } from './collect-test-kit.js';

isolateGitConfig();

let repo: TempRepo;
afterEach(() => repo.cleanup());

const TREE = {
  'README.md': '# r\n',
  '.eslintrc.ts': 'export default {};\n',
  'src/a.ts': 'a\n',
  'src/a.test.ts': 't\n',
  'src/deep/b.ts': 'b\n',
  'src/deep/c.js': 'c\n',
  'lib/src/d.ts': 'd\n',
  'docs/guide.md': 'g\n',
  'docs/img/logo.png': 'png\n',
};

describe('collectFiles include and ignore globs', () => {
  beforeEach(async () => {
    repo = await makeRepo(TREE);
  });

  it('matches a glob without a slash against base names at any depth, dot files included', async () => {
    expect(filePaths(await collect(repo.root, { include: ['*.ts'] }))).toEqual([
      '.eslintrc.ts',
      'lib/src/d.ts',
      'src/a.test.ts',
      'src/a.ts',
      'src/deep/b.ts',
    ]);
  });

  it('anchors a glob with a slash at the root', async () => {
    expect(filePaths(await collect(repo.root, { include: ['src/*.ts'] }))).toEqual(['src/a.test.ts', 'src/a.ts']);
    expect(filePaths(await collect(repo.root, { include: ['src/**/*.ts'] }))).toEqual([
      'src/a.test.ts',
      'src/a.ts',
      'src/deep/b.ts',
    ]);
  });

  it('selects a whole directory: anchored with ./ or a slash inside, at any depth by a bare name', async () => {
    const expected = ['src/a.test.ts', 'src/a.ts', 'src/deep/b.ts', 'src/deep/c.js'];
    expect(filePaths(await collect(repo.root, { include: ['./src/'] }))).toEqual(expected);
    expect(filePaths(await collect(repo.root, { include: ['/src'] }))).toEqual(expected);
    expect(filePaths(await collect(repo.root, { include: ['src/**'] }))).toEqual(expected);
    // Without a slash the name matches at any depth, like gitignore: lib/src is selected too.
    expect(filePaths(await collect(repo.root, { include: ['src'] }))).toEqual(['lib/src/d.ts', ...expected]);
  });

  it('drops ignore matches, even when included, and filters the skipped list the same way', async () => {
    const collection = await collect(repo.root, { include: ['./src', 'docs'], ignore: ['*.test.ts', 'src/deep/*.js'] });
    expect(filePaths(collection)).toEqual(['docs/guide.md', 'src/a.ts', 'src/deep/b.ts']);
    expect(skipSummary(collection)).toEqual(['docs/img/logo.png: binary']);
    expect(skipSummary(await collect(repo.root, { ignore: ['docs/img'] }))).toEqual([]);
  });

  it('filters walker-reported entries such as symlink loops too', async () => {
    const walked = await makeRepo({ 'a/x.ts': 'x\n', 'b/y.ts': 'y\n' }, { git: false });
    try {
      await symlink('..', join(walked.root, 'a', 'up'));
      expect(skipSummary(await collect(walked.root))).toEqual(['a/up: symlink-loop']);
      const onlyB = await collect(walked.root, { include: ['b'] });
      expect(filePaths(onlyB)).toEqual(['b/y.ts']);
      expect(onlyB.skipped).toEqual([]);
    } finally {
      await walked.cleanup();
    }
  });
});
