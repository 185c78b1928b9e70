/**
 * `repopack hook install|uninstall`: manage a git pre-commit hook that runs `repopack snapshot`. The hook lives where
 * git looks for hooks (`core.hooksPath` honoured, shared by worktrees). A hook repopack did not write is never
 * overwritten without `--force` (the old one is then kept as `pre-commit.repopack-backup`), and hook managers
 * (husky, lefthook, pre-commit) are left in charge: the error says which line to add to their configuration.
 */
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import yargs from 'yargs';
import { asSubcommand } from './subcommand.js';
import { createGitRunner, readHooksPathConfig, resolveHooksDirectory } from '../git/index.js';
import { UsageError } from '../shared/errors.js';

/** Marks a hook as ours; `uninstall` removes only hooks carrying it. */
export const HOOK_MARKER = '# managed by repopack hook install';

/** Executable by everyone, writable by the owner: what git itself creates for sample hooks. */
const HOOK_FILE_MODE = 0o755;

/**
 * The hook: runs the project's own repopack when installed locally, else one on PATH, else nothing. `snapshot` never
 * fails a commit on its own error unless `--strict` is added here.
 */
export const HOOK_SCRIPT = `#!/bin/sh
${HOOK_MARKER}; remove with: repopack hook uninstall
# Writes .repopack/context.xml from the staged content. Never blocks the commit unless --strict is added.
if [ -x node_modules/.bin/repopack ]; then
  exec node_modules/.bin/repopack snapshot --quiet
elif command -v repopack >/dev/null 2>&1; then
  exec repopack snapshot --quiet
fi
exit 0
`;

/** Hook managers that own the hooks directory, recognised by their files or `core.hooksPath`. */
const MANAGERS: readonly { readonly name: string; readonly pattern: RegExp; readonly hint: string }[] = [
  { name: 'husky', pattern: /husky/, hint: 'add `npx repopack snapshot` to .husky/pre-commit (see examples/husky)' },
  { name: 'lefthook', pattern: /lefthook/, hint: 'add a repopack-snapshot command under pre-commit in lefthook.yml (see examples/lefthook.yml)' },
  { name: 'pre-commit', pattern: /pre-commit\.com|pre_commit/, hint: 'add the repopack-snapshot hook to .pre-commit-config.yaml (see .pre-commit-hooks.yaml)' },
];

/** What a hook command did, said in one line. */
export interface HookOutcome {
  readonly message: string;
}

export async function installHook(root: string, options: { readonly force: boolean }): Promise<HookOutcome> {
  const git = createGitRunner(root);
  const directory = await resolveHooksDirectory(git);
  const hooksPath = await readHooksPathConfig(git);
  const manager = MANAGERS.find((candidate) => hooksPath !== undefined && candidate.pattern.test(hooksPath));
  if (manager && !options.force) {
    throw new UsageError(`core.hooksPath is ${hooksPath}: hooks are managed by ${manager.name}`, manager.hint);
  }
  const file = join(directory, 'pre-commit');
  const existing = await readFile(file, 'utf8').catch(() => undefined);
  let note = '';
  if (existing !== undefined && !existing.includes(HOOK_MARKER)) {
    if (!options.force) throw foreignHook(file, existing);
    await rename(file, `${file}.repopack-backup`);
    note = ` (the previous hook was kept as ${file}.repopack-backup)`;
  }
  await mkdir(directory, { recursive: true });
  await writeFile(file, HOOK_SCRIPT);
  await chmod(file, HOOK_FILE_MODE);
  return { message: `installed the pre-commit hook at ${file}${note}` };
}

export async function uninstallHook(root: string): Promise<HookOutcome> {
  const directory = await resolveHooksDirectory(createGitRunner(root));
  const file = join(directory, 'pre-commit');
  const existing = await readFile(file, 'utf8').catch(() => undefined);
  if (existing === undefined) return { message: `no pre-commit hook at ${file}: nothing to remove` };
  if (!existing.includes(HOOK_MARKER)) {
    throw new UsageError(`${file} was not installed by repopack, so it was left in place`, 'edit or remove it yourself');
  }
  await rm(file);
  return { message: `removed the pre-commit hook at ${file}` };
}

function foreignHook(file: string, content: string): UsageError {
  const manager = MANAGERS.find((candidate) => candidate.pattern.test(content));
  const hint = manager
    ? manager.hint
    : 'add `repopack snapshot` to it yourself, or pass --force to replace it (the old hook is kept as a backup)';
  return new UsageError(`${file} exists and was not written by repopack${manager ? ` (it runs ${manager.name})` : ''}`, hint);
}

/** Runs `repopack hook install|uninstall [path] [--force]`; resolves to the exit code (errors are thrown). */
export async function runHookCommand(argv: readonly string[], stderr: NodeJS.WritableStream): Promise<number> {
  let outcome: HookOutcome | undefined;
  await asSubcommand(yargs([...argv])
    .scriptName('repopack hook')
    .usage('$0 <install|uninstall> [path] [--force]\n\nManage a git pre-commit hook that runs `repopack snapshot`.')
    .command('install [path]', 'write .git/hooks/pre-commit (honours core.hooksPath)', (command) =>
      command
        .positional('path', { type: 'string', default: '.' })
        .option('force', { type: 'boolean', default: false, describe: 'replace a hook repopack did not write (kept as a backup)' }),
      async (args) => {
        outcome = await installHook(resolve(args.path), { force: args.force });
      },
    )
    .command('uninstall [path]', 'remove the hook if repopack installed it', (command) => command.positional('path', { type: 'string', default: '.' }),
      async (args) => {
        outcome = await uninstallHook(resolve(args.path));
      },
    )
    .demandCommand(1, 'say install or uninstall')
    .option('verbose', { type: 'boolean', default: false, describe: 'print stack traces of unexpected errors' }), 'hook').parseAsync();
  if (outcome) stderr.write(`repopack hook: ${outcome.message}\n`);
  return 0;
}
