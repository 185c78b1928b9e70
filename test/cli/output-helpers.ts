/** Shared fixture for the output-convenience CLI tests: a small committed repository and a PATH directory. */
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeRepo, type TempRepo } from '../helpers/make-repo.js';
import { runCli, type CliRun } from '../helpers/run-cli.js';

export const FILES = {
  'README.md': '# Demo\n\nA demo project.\n',
  'src/index.ts': 'export function greet(name: string): string {\n  return `hello ${name}`;\n}\n',
  'src/util.ts': 'export const twice = (n: number) => n * 2;\n',
  'docs/guide.md': '# Guide\n\nRead the source.\n',
};

/** The fixture repository and a scratch directory that doubles as a PATH holding only `git`. */
export interface OutputFixture {
  readonly repo: TempRepo;
  readonly bin: string;
  cleanup(): Promise<void>;
}

export async function makeOutputFixture(): Promise<OutputFixture> {
  const repo = await makeRepo(FILES, { commit: true });
  const bin = await mkdtemp(join(tmpdir(), 'repopack-bin-'));
  // A PATH holding git and nothing else: no real clipboard command can be found by accident.
  await symlink('/usr/bin/git', join(bin, 'git')).catch(() => undefined);
  return {
    repo,
    bin,
    cleanup: async () => {
      await repo.cleanup();
      await rm(bin, { recursive: true, force: true });
    },
  };
}

/** A fake `xclip` in `directory` that checks its arguments and writes stdin to `target`. */
export async function fakeXclip(directory: string, target: string): Promise<void> {
  await mkdir(directory, { recursive: true });
  const script = `#!/bin/sh\n[ "$1 $2" = "-selection clipboard" ] || exit 3\nexec /bin/cat > ${JSON.stringify(target)}\n`;
  await writeFile(join(directory, 'xclip'), script);
  await chmod(join(directory, 'xclip'), 0o755);
}

/** Runs the CLI with `input` on stdin. */
export function runWithInput(args: readonly string[], input: string): Promise<CliRun> {
  return runCli(args, { input });
}

/**
 * Registers the shared fixture for a test file (created before all tests, removed after) and returns accessors, so
 * each output test file does not repeat the setup.
 */
export function useOutputFixture(): { readonly repo: TempRepo; readonly bin: string } {
  let fixture: OutputFixture | undefined;
  beforeAll(async () => {
    fixture = await makeOutputFixture();
  });
  afterAll(() => fixture?.cleanup());
  const current = (): OutputFixture => {
    if (fixture === undefined) throw new Error('the output fixture exists only inside tests');
    return fixture;
  };
  return {
    get repo() {
      return current().repo;
    },
    get bin() {
      return current().bin;
    },
  };
}
