import { mkdir, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { type TempRepo, makeRepo } from '../helpers/make-repo.js';
import { collect, filePaths, isolateGitConfig, skipSummary, sortedByCodeUnit } from './collect-test-kit.js';

isolateGitConfig();

let repo: TempRepo;
afterEach(() => repo.cleanup());

/** What git itself lists under the root, the oracle for the git mode. */
async function gitListing(cwd = '.'): Promise<string[]> {
  const stdout = await repo.git('-C', cwd, 'ls-files', '-z', '--cached', '--others', '--exclude-standard');
  return stdout.split('\0').filter((path) => path !== '');
}

describe('collectFiles in a git repository', () => {
  it('agrees with git ls-files --cached --others --exclude-standard minus the default ignores', async () => {
    repo = await makeRepo(
      {
        '.gitignore': '*.log\n/generated/\n',
        'README.md': '# demo\n',
        'src/index.ts': 'export {};\n',
        'src/util/strings.ts': 'export const s = 1;\n',
        'debug.log': 'noise\n',
        'generated/api.ts': 'export {};\n',
        'node_modules/left-pad/index.js': 'module.exports = 1;\n',
        'package-lock.json': '{}\n',
        'dist/out.js': 'x\n',
        'web/app.min.js': 'x\n',
        '.env': 'SECRET=1\n',
        '.env.local': 'SECRET=2\n',
        '.env.example': 'SECRET=\n',
      },
      { commit: true },
    );
    await repo.write('untracked.ts', 'export const u = 1;\n');
    await repo.write('untracked.log', 'ignored by git\n');
    const defaults = ['node_modules/left-pad/index.js', 'package-lock.json', 'dist/out.js', 'web/app.min.js', '.env', '.env.local'];

    const collection = await collect(repo.root);

    const expected = sortedByCodeUnit((await gitListing()).filter((path) => !defaults.includes(path)));
    expect(filePaths(collection)).toEqual(expected);
    expect(expected).toEqual(['.env.example', '.gitignore', 'README.md', 'src/index.ts', 'src/util/strings.ts', 'untracked.ts']);
    expect(collection.skipped).toEqual([]);
    expect(collection.warnings).toEqual([]);
  });

  it('honours a nested .gitignore with a negation (through git)', async () => {
    repo = await makeRepo({
      '.gitignore': '*.txt\n',
      'docs/.gitignore': '!keep.txt\n',
      'docs/keep.txt': 'kept\n',
      'docs/drop.txt': 'dropped\n',
      'notes.txt': 'dropped\n',
    });
    const collection = await collect(repo.root);
    expect(filePaths(collection)).toEqual(['.gitignore', 'docs/.gitignore', 'docs/keep.txt']);
    expect(filePaths(collection)).toEqual(sortedByCodeUnit(await gitListing()));
  });

  it('applies root and nested .repopackignore files, even a root one git ignores', async () => {
    repo = await makeRepo({
      '.gitignore': '/.repopackignore\n',
      '.repopackignore': 'fixtures/\n*.snap\n',
      'src/.repopackignore': 'legacy.ts\n!keep.snap\n',
      'src/a.ts': 'a\n',
      'src/legacy.ts': 'old\n',
      'src/keep.snap': 'kept by the nested negation\n',
      'src/other.snap': 'dropped\n',
      'legacy.ts': 'only src/legacy.ts is matched by the nested rule\n',
      'fixtures/big.json': '{}\n',
    });
    const collection = await collect(repo.root);
    expect(filePaths(collection)).toEqual(['.gitignore', 'legacy.ts', 'src/.repopackignore', 'src/a.ts', 'src/keep.snap']);
  });

  it('drops tracked files deleted from the work tree without a report', async () => {
    repo = await makeRepo({ 'a.ts': 'a\n', 'gone.ts': 'g\n', 'dir/gone.ts': 'g\n' }, { commit: true });
    await rm(join(repo.root, 'gone.ts'));
    await rm(join(repo.root, 'dir'), { recursive: true });
    await repo.write('dir', 'a file where a directory was\n');
    const collection = await collect(repo.root);
    expect(filePaths(collection)).toEqual(['a.ts', 'dir']);
    expect(collection.skipped).toEqual([]);
  });

  it('lists paths relative to a root that is a subdirectory of the repository', async () => {
    repo = await makeRepo({
      '.gitignore': 'packages/app/secret.ts\n',
      'top.ts': 'outside the root\n',
      'packages/app/.repopackignore': 'fixtures/\n',
      'packages/app/src/main.ts': 'main\n',
      'packages/app/secret.ts': 'ignored by the top .gitignore\n',
      'packages/app/fixtures/data.json': '{}\n',
      'packages/lib/lib.ts': 'sibling\n',
    });
    const collection = await collect(join(repo.root, 'packages', 'app'));
    expect(filePaths(collection)).toEqual(['.repopackignore', 'src/main.ts']);
    expect(collection.warnings).toEqual([]);
  });

  it('keeps unicode and space-containing names intact, in code-unit order', async () => {
    const names = ['b c.ts', 'Zeta.md', 'ä/ü.py', 'a b/ç d.txt', '日本語.md', 'emoji-😀.txt', 'B.ts', 'a.ts'];
    repo = await makeRepo(Object.fromEntries(names.map((name) => [name, `${name}\n`])), { commit: true });
    const collection = await collect(repo.root);
    expect(filePaths(collection)).toEqual(sortedByCodeUnit(names));
    expect(filePaths(collection)).toEqual(['B.ts', 'Zeta.md', 'a b/ç d.txt', 'a.ts', 'b c.ts', 'emoji-😀.txt', 'ä/ü.py', '日本語.md']);
    expect(collection.files.find((file) => file.path === 'ä/ü.py')?.text).toBe('ä/ü.py\n');
  });

  it('returns the same order on every run for many files read concurrently', async () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < 300; index++) files[`d${index % 7}/f${(index * 7919) % 1000}.ts`] = `// ${index}\n`;
    repo = await makeRepo(files);
    const first = filePaths(await collect(repo.root));
    const second = filePaths(await collect(repo.root));
    expect(first).toHaveLength(300);
    expect(first).toEqual(sortedByCodeUnit(Object.keys(files)));
    expect(second).toEqual(first);
  });

  it('reports a committed symlink to a directory instead of following it (git lists its target already)', async () => {
    repo = await makeRepo({ 'real/a.ts': 'a\n' });
    await symlink('real', join(repo.root, 'alias'));
    await mkdir(join(repo.root, 'empty'));
    const collection = await collect(repo.root);
    expect(filePaths(collection)).toEqual(['real/a.ts']);
    expect(skipSummary(collection)).toEqual(['alias: not-a-regular-file']);
  });

  it('reads a symlinked file inside the root and skips one pointing outside', async () => {
    repo = await makeRepo({ 'target.ts': 'export const t = 1;\n' });
    const outside = await makeRepo({ 'secret.txt': 'do not pack\n' }, { git: false });
    try {
      await symlink('target.ts', join(repo.root, 'link.ts'));
      await symlink(join(outside.root, 'secret.txt'), join(repo.root, 'escape.txt'));
      const collection = await collect(repo.root);
      expect(filePaths(collection)).toEqual(['link.ts', 'target.ts']);
      expect(collection.files[0]?.text).toBe('export const t = 1;\n');
      expect(skipSummary(collection)).toEqual(['escape.txt: symlink-outside-root']);
    } finally {
      await outside.cleanup();
    }
  });
});
