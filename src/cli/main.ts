import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { RepopackError } from '../shared/errors.js';
import type { CliOptions } from './args.js';
import type { tokensOnlyText } from './tokens-only.js';
import { parseWithConfig } from './config-options.js';
import { formatExplain } from './explain.js';
import { stderrColors } from './terminal.js';
import { formatSummary } from './summary.js';
import { buildJsonReport, writeJsonReport } from './json-report.js';
import { deliverBundle, formatParts, readPathList } from './output-deliver.js';
import { createProgressBar } from './progress-bar.js';
import { localRoots, prepareRoot } from './remote-root.js';

/**
 * Subcommands parse their own options; `repopack snapshot` and `repopack hook` never pack a directory named so. Each
 * module loads only when named, so a plain pack never compiles them.
 */
const SUBCOMMANDS: ReadonlyMap<string, (args: readonly string[]) => Promise<number>> = new Map([
  ['snapshot', async (args: readonly string[]) => (await import('./snapshot-command.js')).runSnapshotCommand(args, process.stderr)],
  ['hook', async (args: readonly string[]) => (await import('./hook-command.js')).runHookCommand(args, process.stderr)],
  ['models', async (args: readonly string[]) => (await import('./models-command.js')).runModelsCommand(args)],
  ['init', async (args: readonly string[]) => (await import('./init-command.js')).runInitCommand(args)],
]);

/** Warnings shown without --verbose; the rest are counted. */
const WARNINGS_SHOWN = 5;

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

/** Leave the output file out of the pack when it is written inside a packed directory. */
function ignoreOwnOutput(options: CliOptions): readonly string[] {
  if (options.output === undefined) return options.ignore;
  const output = resolve(options.output);
  const inside = (options.roots ?? [options.root])
    .map((root) => relative(resolve(root), output))
    .filter((path) => !(path === '' || path.startsWith('..') || isAbsolute(path)));
  return [...options.ignore, ...inside.map((path) => path.split('\\').join('/'))];
}

type TokensOnlyOptions = Parameters<typeof tokensOnlyText>[0];

/** `--tokens-only`: the per-directory counts on stdout, nothing else. */
async function printTokensOnly(options: TokensOnlyOptions): Promise<number> {
  const { tokensOnlyText } = await import('./tokens-only.js');
  const text = await tokensOnlyText(options);
  await new Promise<void>((done, fail) => process.stdout.write(text, (error) => (error ? fail(error) : done())));
  return 0;
}

/** Run the CLI; resolves to the exit code: 0 ok, 1 runtime failure, 2 usage or config error. */
export async function main(argv: readonly string[]): Promise<number> {
  const color = stderrColors(process.stderr, process.env);
  let verbose = argv.includes('--verbose');
  let cleanupRoot: (() => Promise<void>) | undefined;
  try {
    const subcommand = SUBCOMMANDS.get(argv[0] ?? '');
    if (subcommand !== undefined) return await subcommand(argv.slice(1));
    const settings = await parseWithConfig(argv, packageVersion());
    if (settings === undefined) return 0;
    const { options, config } = settings;
    verbose = options.verbose;
    const overrides = config?.values.overrides;
    const paths = options.stdin ? { paths: await readPathList(process.stdin) } : {};
    const prepared = options.roots === undefined ? await prepareRoot(options.root) : localRoots(options.roots);
    cleanupRoot = prepared.cleanup;
    const packOptions = { ...options, root: prepared.root, ignore: ignoreOwnOutput(options), ...(overrides ? { overrides } : {}), ...paths };
    if (options.tokensOnly) return await printTokensOnly(packOptions);
    // The pipeline loads once the arguments parse: `--help`, `--version` and usage errors never compile it.
    const [{ pack }, { defaultEnv }] = await Promise.all([import('../pack.js'), import('../pack-env.js')]);
    const progress = createProgressBar({ stream: process.stderr, env: process.env, quiet: options.quiet || !options.progress });
    const result = await pack(packOptions, { ...defaultEnv(), onProgress: progress.update }).finally(progress.done);
    const delivery = await deliverBundle(result, options, { stdout: process.stdout, stderr: process.stderr, env: process.env });
    if (options.json !== undefined) await writeJsonReport(buildJsonReport(result.report, delivery.parts), options.json, process.stderr);
    if (options.explain) process.stderr.write(formatExplain(result.report, color));
    if (!options.quiet && options.json !== '-') {
      const { warnings } = result.report;
      const shown = verbose ? warnings : warnings.slice(0, WARNINGS_SHOWN);
      for (const warning of shown) process.stderr.write(color.yellow(`warning: ${warning}\n`));
      if (shown.length < warnings.length) {
        process.stderr.write(color.yellow(`warning: … ${warnings.length - shown.length} more (see --verbose)\n`));
      }
      // A split pack's bar measures all parts against all parts' budgets.
      const parts = result.parts?.length ?? 1;
      process.stderr.write(formatSummary({ ...result.report, budget: result.report.budget * parts }, color));
      if (delivery.copiedWith !== undefined) process.stderr.write(`copied to the clipboard (${delivery.copiedWith})\n`);
      if (result.parts !== undefined) process.stderr.write(formatParts(delivery.parts, result.report.budget));
    }
    return delivery.exitCode;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') return 0;
    if (error instanceof RepopackError) {
      process.stderr.write(color.red(`error: ${error.message}\n`));
      if (error.hint) process.stderr.write(`hint: ${error.hint}\n`);
      if (verbose && error.stack) process.stderr.write(color.dim(error.stack) + '\n');
      return error.exitCode;
    }
    process.stderr.write(color.red(`error: ${(error as Error).message ?? String(error)}\n`));
    if (verbose && error instanceof Error && error.stack) process.stderr.write(color.dim(error.stack) + '\n');
    else process.stderr.write('hint: run again with --verbose for the stack trace\n');
    return 1;
  } finally {
    // A temporary clone goes whatever happened.
    await cleanupRoot?.();
  }
}

// EPIPE (the reader closed the pipe, e.g. `| head`) is a normal way for a pipeline to end: exit 0 quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
});

process.exitCode = await main(process.argv.slice(2));
