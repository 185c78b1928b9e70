/**
 * `repopack snapshot`: pack the STAGED content (read from the git index, so the snapshot matches the commit) with
 * the staged diff, into a deterministic file (default `.repopack/context.xml`). Meant for pre-commit hooks: it exits
 * 0 at once when nothing relevant is staged or when the file's recorded key (`snapshot-key.ts`) says its inputs are
 * unchanged, and a failure of its own never blocks the commit unless `--strict`.
 */
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
import yargs from 'yargs';
import { snapshotKey, snapshotKeyLine } from './snapshot-key.js';
import { asSubcommand } from './subcommand.js';
import { parseBudget } from '../config/index.js';
import { createGitRunner, listStagedPaths, readIndexFingerprint } from '../git/index.js';
import type { PackOptions } from '../pack.js';
import { STYLES, type Style } from '../render/index.js';
import { RepopackError } from '../shared/errors.js';
import { parseTokenizerName, TOKENIZER_NAMES } from '../tokenize/index.js';

/** Where the snapshot goes unless `-o` says otherwise (relative to the packed root). */
export const DEFAULT_SNAPSHOT_PATH = '.repopack/context.xml';

/** What the snapshot command did, for the caller to report. */
export type SnapshotOutcome =
  | { readonly kind: 'written'; readonly path: string; readonly tokens: number }
  | { readonly kind: 'unchanged'; readonly path: string; readonly tokens: number }
  | { readonly kind: 'key-matches'; readonly path: string; readonly key: string }
  | { readonly kind: 'nothing-staged' };

/** Options of `takeSnapshot`, as parsed from the command line. */
export interface SnapshotOptions {
  readonly root: string;
  readonly output: string;
  readonly budget: number;
  readonly style: Style;
  readonly tokenizer: ReturnType<typeof parseTokenizerName>;
  readonly include: readonly string[];
  readonly ignore: readonly string[];
  readonly always: boolean;
  readonly strict: boolean;
  readonly quiet: boolean;
  /** Pack even when the snapshot's recorded key matches (`--force`). */
  readonly force?: boolean;
  readonly verbose?: boolean;
  /** repopack's version, part of the snapshot key; default the installed `package.json` version. */
  readonly toolVersion?: string;
}

async function parseSnapshotArgs(argv: readonly string[]): Promise<SnapshotOptions | undefined> {
  const args = await asSubcommand(yargs([...argv])
    .scriptName('repopack snapshot')
    .usage('$0 [path] [options]\n\nPack the staged content (the next commit) into a deterministic file, for pre-commit hooks.')
    .command('$0 [path]', false)
    .positional('path', { type: 'string', default: '.', describe: 'directory to pack (inside a git work tree)' })
    .option('output', { alias: 'o', type: 'string', default: DEFAULT_SNAPSHOT_PATH, describe: 'snapshot file, relative to the path' })
    .option('budget', { alias: 'b', type: 'string', default: '128k', describe: 'token budget for the snapshot' })
    .option('style', { alias: 's', choices: STYLES, default: 'xml' as Style, describe: 'bundle format' })
    .option('tokenizer', { alias: 't', type: 'string', default: 'o200k', describe: `how tokens are counted: ${TOKENIZER_NAMES.join(', ')}` })
    .option('include', { alias: 'i', type: 'string', array: true, default: [], describe: 'only files matching these globs' })
    .option('ignore', { alias: 'x', type: 'string', array: true, default: [], describe: 'also leave out files matching these globs' })
    .option('always', { type: 'boolean', default: false, describe: 'write the snapshot even when nothing relevant is staged' })
    .option('force', { type: 'boolean', default: false, describe: 'pack even when the recorded snapshot key says nothing changed' })
    .option('strict', { type: 'boolean', default: false, describe: 'fail (and so block the commit) when the snapshot fails' })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'print nothing but errors' })
    .option('verbose', { type: 'boolean', default: false, describe: 'print stack traces of unexpected errors' }), 'snapshot').parseAsync();
  if (args.help === true) return undefined;
  const root = resolve(String(args.path ?? '.'));
  return {
    root,
    output: resolve(root, args.output),
    budget: parseBudget(args.budget),
    style: args.style,
    tokenizer: parseTokenizerName(args.tokenizer),
    include: args.include.map(String),
    ignore: args.ignore.map(String),
    always: args.always,
    strict: args.strict,
    quiet: args.quiet,
    force: args.force,
    verbose: args.verbose,
  };
}

/** The snapshot path relative to the root (POSIX), or undefined when it lies outside. */
function outputInsideRoot(options: SnapshotOptions): string | undefined {
  const inside = relative(options.root, options.output);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return undefined;
  return inside.split('\\').join('/');
}

/**
 * Packs the index and writes the file when its bytes change. Throws like `pack`. The header records a key of the
 * inputs (`snapshot-key.ts`); when the file already carries the current key, nothing is packed (unless `force`).
 */
export async function takeSnapshot(options: SnapshotOptions): Promise<SnapshotOutcome> {
  const own = outputInsideRoot(options);
  const git = createGitRunner(options.root);
  const packOptions = snapshotPackOptions(options, own);
  const fingerprint = await readIndexFingerprint(git, own === undefined ? [] : [own]);
  const { root: _root, ...keyed } = packOptions;
  const key = snapshotKey({ fingerprint, packOptions: keyed, rootName: basename(options.root), toolVersion: options.toolVersion ?? toolVersion() });
  const previous = await readFile(options.output, 'utf8').catch(() => undefined);
  if (!options.force && previous?.includes(snapshotKeyLine(key)) === true) return { kind: 'key-matches', path: options.output, key };
  if (!options.always) {
    const staged = await listStagedPaths(git);
    if (!staged.some((path) => path !== own)) return { kind: 'nothing-staged' };
  }
  // Loaded only when packing: a warm snapshot that stops at the key needs none of the pipeline's modules.
  const { pack } = await import('../pack.js');
  const { bundle, report } = await pack({ ...packOptions, headerText: snapshotKeyLine(key) });
  if (previous === bundle) return { kind: 'unchanged', path: options.output, tokens: report.tokens };
  await mkdir(dirname(options.output), { recursive: true });
  // Write beside, then rename: a reader never sees half a snapshot.
  const temporary = `${options.output}.${process.pid}.tmp`;
  await writeFile(temporary, bundle);
  await rename(temporary, options.output);
  return { kind: 'written', path: options.output, tokens: report.tokens };
}

/** What the snapshot packs: the index with the staged diff, its own file left out. */
function snapshotPackOptions(options: SnapshotOptions, own: string | undefined): PackOptions {
  return {
    root: options.root,
    budget: options.budget,
    style: options.style,
    tokenizer: options.tokenizer,
    include: options.include,
    ignore: own === undefined ? options.ignore : [...options.ignore, own],
    source: 'index',
    diff: { kind: 'staged' },
  };
}

/** The installed repopack's version (a new one may pack differently, so it is part of the key). */
function toolVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

/**
 * Runs `repopack snapshot ARGS`; resolves to the exit code. Without `--strict` every failure after argument
 * parsing is a warning and the exit code is 0, so a hook never blocks a commit because of repopack.
 */
export async function runSnapshotCommand(argv: readonly string[], stderr: NodeJS.WritableStream): Promise<number> {
  const options = await parseSnapshotArgs(argv);
  if (options === undefined) return 0;
  try {
    const outcome = await takeSnapshot(options);
    if (!options.quiet) stderr.write(describeOutcome(outcome, options.root));
    if (options.verbose === true && outcome.kind === 'key-matches') {
      stderr.write(`repopack snapshot: key ${outcome.key} matches the index, HEAD, options and version: nothing packed\n`);
    }
    return 0;
  } catch (error) {
    if (options.strict) throw error;
    const message = error instanceof RepopackError ? error.message : String((error as Error).message ?? error);
    stderr.write(`warning: repopack snapshot failed, the commit goes on without it: ${message}\n`);
    return 0;
  }
}

function describeOutcome(outcome: SnapshotOutcome, root: string): string {
  switch (outcome.kind) {
    case 'nothing-staged':
      return 'repopack snapshot: nothing relevant staged, snapshot left as it was\n';
    case 'key-matches':
      return `repopack snapshot: ${relative(root, outcome.path)} already up to date (nothing changed since it was written)\n`;
    case 'unchanged':
      return `repopack snapshot: ${relative(root, outcome.path)} already up to date (${outcome.tokens} tokens)\n`;
    case 'written':
      return `repopack snapshot: wrote ${relative(root, outcome.path)} (${outcome.tokens} tokens)\n`;
  }
}
