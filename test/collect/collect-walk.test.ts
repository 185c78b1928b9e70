import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TempRepo, makeRepo } from '../helpers/make-repo.js';
import { collect, filePaths, isolateGitConfig, skipSummary } from './collect-test-kit.js';

isolateGitConfig();

const WALK_WARNING = 'not a git repository: walked the file system';

let repo: TempRepo;
afterEach(() => repo.cleanup());

describe('collectFiles outside git', () => {
  it('walks the tree, says so, and applies the default ignores', async () => {
    repo = await makeRepo(
      {
        'src/a.ts': 'a\n',
        'node_modules/x/index.js': 'x\n',
        'deep/node_modules/y.js': 'y\n',
        'build/out.js': 'o\n',
        'yarn.lock': '#\n',
        'app.bundle.js': 'b\n',
        'app.js.map': '{}\n',
        '.env': 'SECRET=1\n',
        '.env.example': 'SECRET=\n',
        '.DS_Store': 'mac\n',
        '.repopack/context.xml': '<x/>\n',
        'vendor/lib.go': 'package lib\n',
      },
      { git: false },
    );
    const collection = await collect(repo.root);
    expect(filePaths(collection)).toEqual(['.env.example', 'src/a.ts', 'vendor/lib.go']);
    expect(collection.warnings).toEqual([WALK_WARNING]);
  });

  it('honours nested .gitignore and .ignore files relative to their directory, deeper files winning', async () => {
    repo = await makeRepo(
      {
        '.gitignore': '*.log\n/tmp/\n',
        '.ignore': 'scratch.md\n',
        'app.log': 'dropped\n',
        'tmp/a.ts': 'dropped: anchored at the root\n',
        'pkg/tmp/b.ts': 'kept: /tmp/ is anchored to the root file\n',
        'pkg/.gitignore': '!keep.log\n/local.ts\n',
        'pkg/keep.log': 'kept by the nested negation\n',
        'pkg/other.log': 'dropped\n',
        'pkg/local.ts': 'dropped by the nested anchored rule\n',
        'local.ts': 'kept: the nested rule does not reach up\n',
        'pkg/scratch.md': 'dropped by the root .ignore\n',
        'pkg/sub/.ignore': '*.ts\n',
        'pkg/sub/c.ts': 'dropped\n',
        'pkg/sub/c.md': 'kept\n',
      },
      { git: false },
    );
    const collection = await collect(repo.root);
    expect(filePaths(collection)).toEqual([
      '.gitignore',
      '.ignore',
      'local.ts',
      'pkg/.gitignore',
      'pkg/keep.log',
      'pkg/sub/.ignore',
      'pkg/sub/c.md',
      'pkg/tmp/b.ts',
    ]);
  });

  it('cannot re-include a file below an ignored directory, like git', async () => {
    repo = await makeRepo(
      { '.gitignore': 'docs/\n!docs/keep.md\n', 'docs/keep.md': 'k\n', 'docs/.gitignore': '!keep.md\n', 'a.md': 'a\n' },
      { git: false },
    );
    expect(filePaths(await collect(repo.root))).toEqual(['.gitignore', 'a.md']);
  });

  it('applies .repopackignore on top of .gitignore, and can re-include a default', async () => {
    repo = await makeRepo(
      {
        '.gitignore': 'out.txt\n',
        '.repopackignore': '!out.txt\n!build/\ndocs/\n',
        'out.txt': 're-included over .gitignore\n',
        'build/gen.ts': 're-included over the defaults\n',
        'docs/a.md': 'dropped\n',
        'sub/.repopackignore': '*.md\n',
        'sub/x.md': 'dropped\n',
        'x.md': 'kept\n',
      },
      { git: false },
    );
    expect(filePaths(await collect(repo.root))).toEqual([
      '.gitignore',
      '.repopackignore',
      'build/gen.ts',
      'out.txt',
      'sub/.repopackignore',
      'x.md',
    ]);
  });

  it('follows a symlinked directory inside the root and stops at a loop to a parent without hanging', async () => {
    repo = await makeRepo({ 'a/file.ts': 'f\n', 'shared/s.ts': 's\n' }, { git: false });
    await symlink('..', join(repo.root, 'a', 'up'));
    await symlink('.', join(repo.root, 'a', 'self'));
    await symlink('../shared', join(repo.root, 'a', 'shared-link'));
    const collection = await collect(repo.root);
    expect(filePaths(collection)).toEqual(['a/file.ts', 'a/shared-link/s.ts', 'shared/s.ts']);
    expect(skipSummary(collection)).toEqual(['a/self: symlink-loop', 'a/up: symlink-loop']);
  });

  it('stops at a loop made of two symlinks', async () => {
    repo = await makeRepo({ 'x/a.ts': 'a\n', 'y/b.ts': 'b\n' }, { git: false });
    await symlink('../y', join(repo.root, 'x', 'to-y'));
    await symlink('../x', join(repo.root, 'y', 'to-x'));
    const collection = await collect(repo.root);
    expect(filePaths(collection)).toEqual(['x/a.ts', 'x/to-y/b.ts', 'y/b.ts', 'y/to-x/a.ts']);
    expect(skipSummary(collection)).toEqual(['x/to-y/to-x: symlink-loop', 'y/to-x/to-y: symlink-loop']);
  });

  it('skips symlinks leading outside the root, broken ones and circular ones', async () => {
    repo = await makeRepo({ 'a.ts': 'a\n' }, { git: false });
    const outside = await mkdtemp(join(tmpdir(), 'repopack-outside-'));
    try {
      await writeFile(join(outside, 'secret.txt'), 'do not pack\n');
      await symlink(outside, join(repo.root, 'outside-dir'));
      await symlink(join(outside, 'secret.txt'), join(repo.root, 'outside-file.txt'));
      await symlink('missing.ts', join(repo.root, 'broken.ts'));
      await symlink('circle-b', join(repo.root, 'circle-a'));
      await symlink('circle-a', join(repo.root, 'circle-b'));
      const collection = await collect(repo.root);
      expect(filePaths(collection)).toEqual(['a.ts']);
      expect(skipSummary(collection)).toEqual([
        'broken.ts: unreadable',
        'circle-a: symlink-loop',
        'circle-b: symlink-loop',
        'outside-dir: symlink-outside-root',
        'outside-file.txt: symlink-outside-root',
      ]);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('walks a root that git ignores, honouring the ignore files inside it', async () => {
    repo = await makeRepo({
      '.gitignore': 'node_modules/\n',
      'node_modules/pkg/index.js': 'module.exports = 1;\n',
      'node_modules/pkg/.gitignore': 'generated.js\n',
      'node_modules/pkg/generated.js': 'dropped\n',
    });
    const collection = await collect(join(repo.root, 'node_modules', 'pkg'));
    expect(filePaths(collection)).toEqual(['.gitignore', 'index.js']);
    expect(collection.warnings).toEqual(['the root is ignored by git: walked the file system']);
  });

  it('walks the file system when git is not on PATH', async () => {
    repo = await makeRepo({ '.gitignore': 'x.ts\n', 'x.ts': 'x\n', 'y.ts': 'y\n' });
    const emptyBin = `${repo.root}-bin`;
    await mkdir(emptyBin);
    const savedPath = process.env.PATH;
    try {
      process.env.PATH = emptyBin;
      const collection = await collect(repo.root);
      expect(collection.warnings).toEqual(['git not found on PATH: walked the file system']);
      // The walk still honours .gitignore and skips the .git directory.
      expect(filePaths(collection)).toEqual(['.gitignore', 'y.ts']);
    } finally {
      process.env.PATH = savedPath;
      await rm(emptyBin, { recursive: true, force: true });
    }
  });
});
