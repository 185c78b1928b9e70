import { readFile } from 'node:fs/promises';
import yargs from 'yargs';
import { MODEL_PRESETS, parseBudget, parseByteSize, parseReserve } from '../config/index.js';
import type { DiffMode } from '../shared/types.js';
import { DIFF_OPTIONS, parseDiffArgs } from './diff-options.js';
import { joinDashValues, OUTPUT_GROUP, OUTPUT_OPTIONS, parseOutputArgs, type OutputCliOptions } from './output-options.js';
// Constants from their own modules: a stage's index would load the whole stage before the arguments are parsed.
import { BUNDLE_ORDERS, type BundleOrder } from '../rank/bundle-order.js';
import { SECRETS_MODES, type SecretsMode } from '../redact/screen-files.js';
import { STYLES, type Style } from '../render/render-types.js';
import { UsageError } from '../shared/errors.js';
import { helpColumns } from './terminal.js';
import type { TokenizerName } from '../shared/tokenizer.js';
import { parseTokenizerName, TOKENIZER_NAMES } from '../tokenize/index.js';

/** Everything the command line asked for, validated. */
export interface CliOptions extends OutputCliOptions {
  /** The directory to pack: the first of `roots` with several (its config applies). */
  readonly root: string;
  /** Every directory given (`repopack api web`) when more than one; undefined for one. */
  readonly roots: readonly string[] | undefined;
  /** `--budget`; undefined when not given (the model's default or 128k applies). */
  readonly budget: number | undefined;
  readonly style: Style;
  /** `--tokenizer`; undefined when not given (the model's tokenizer or o200k applies). */
  readonly tokenizer: TokenizerName | undefined;
  /** `--model` preset name (validated by pack), `--reserve` tokens, `--config` file. */
  readonly model: string | undefined;
  readonly reserve: number | undefined;
  readonly config: string | undefined;
  readonly include: readonly string[];
  readonly ignore: readonly string[];
  readonly maxFileBytes: number;
  readonly output: string | undefined;
  readonly compress: boolean;
  readonly explain: boolean;
  readonly quiet: boolean;
  readonly verbose: boolean;
  /** `--secrets`: redact credentials in place (default), drop their files, or leave them. */
  readonly secrets: SecretsMode;
  /** `--diff [REF]`, `--staged` or `--base REF`; undefined for none. */
  readonly diff: DiffMode | undefined;
  /** `--log N`; undefined for none. */
  readonly logCount: number | undefined;
  /** Task text from `--focus` and `--focus-file` (joined by a blank line), or undefined. */
  readonly focus: string | undefined;
  readonly order: BundleOrder | undefined;
  /** False with `--no-cache`: no cross-run cache is read or written. */
  readonly cache: boolean;
  /** `--cache-dir`; undefined for the user cache directory. */
  readonly cacheDirectory: string | undefined;
}

const EXAMPLES: readonly [string, string][] = [
  ['$0 . -b 128k | llm "explain this"', 'into a chat CLI'],
  ['$0 . -m gpt-4o --focus "fix login"', 'fit a model and a task'],
  ['$0 . -b 32k --base main -o pr.xml', 'changes since main'],
];

/**
 * Parse argv (without the node and script entries). Unknown options and bad values throw `UsageError`.
 * Resolves to undefined when yargs already answered (`--help`, `--version`).
 */
export async function parseArgs(
  argv: readonly string[],
  version: string,
  /** Config values keyed by option name: used where the command line is silent (CLI > config > defaults). */
  configDefaults: Record<string, unknown> = {},
): Promise<CliOptions | undefined> {
  const parser = yargs(joinDashValues(argv))
    .scriptName('repopack')
    .usage('$0 [path…] [options]\n\nPack a repository into one prompt bundle that fits a token budget.\nThe bundle goes to stdout (or -o); the summary goes to stderr.')
    .command('$0 [paths..]', false)
    .command('snapshot', 'pack the staged content (pre-commit)')
    .command('hook <install|uninstall>', 'install the pre-commit snapshot hook')
    .command('models', 'list model presets and their budgets')
    .command('init', 'write a starter repopack.config.json')
    .positional('paths', { type: 'string', array: true, describe: 'directories to pack (default .); several share one budget' })
    .option('budget', { alias: 'b', type: 'string', defaultDescription: '128k', describe: 'budget of the whole bundle: 32k, 1M' })
    .option('style', { alias: 's', choices: STYLES, default: 'xml' as Style, describe: 'bundle format' })
    .option('model', { alias: 'm', type: 'string', describe: `model preset (${MODEL_PRESETS[0]!.name}…): tokenizer, budget` })
    .option('reserve', { hidden: true, type: 'string', defaultDescription: '16k', describe: 'with --model: tokens left free for the question and answer' })
    .option('config', { hidden: true, alias: 'c', type: 'string', defaultDescription: 'repopack.config.json', describe: 'read settings from this JSON file' })
    .option('tokenizer', { hidden: true, alias: 't', type: 'string', defaultDescription: 'o200k, or the model\'s', describe: `how tokens are counted: ${TOKENIZER_NAMES.join(', ')}` })
    .option('include', { alias: 'i', type: 'string', array: true, default: [], describe: 'only files matching these globs' })
    .option('ignore', { alias: 'x', type: 'string', array: true, default: [], describe: 'also leave out matching files' })
    .option('max-file-size', { hidden: true, type: 'string', default: '1mb', describe: 'skip larger files unread' })
    .option('output', { alias: 'o', type: 'string', describe: 'write the bundle to this file instead of stdout' })
    .option('compress', { type: 'boolean', describe: 'show code files at most as skeletons' })
    .option('explain', { type: 'boolean', describe: 'print the plan (score, level, tokens, why) to stderr' })
    .option('quiet', { alias: 'q', type: 'boolean', describe: 'print nothing but errors to stderr' })
    .option('focus', { type: 'string', describe: 'the task (issue, trace…): its files first' })
    .option('focus-file', { hidden: true, type: 'string', describe: 'read the task text from this file' })
    .option('order', { hidden: true, choices: BUNDLE_ORDERS, describe: 'file order: rank (best first) or edges (best at both ends, task files last; default with --focus)' })
    .option('verbose', { hidden: true, type: 'boolean', describe: 'print warnings in full and stack traces' })
    .option('secrets', { hidden: true, choices: SECRETS_MODES, default: 'redact' as SecretsMode, describe: 'credentials in files: redact in place, drop the file, or off' })
    .options(DIFF_OPTIONS)
    .options(OUTPUT_OPTIONS)
    .group(OUTPUT_GROUP, 'Output (more with --help-all):')
    .showHidden('help-all', 'show every option, the rarely used ones too')
    .option('cache', { hidden: true, type: 'boolean', default: true, describe: 'reuse token counts and parses across runs (--no-cache: neither read nor write)' })
    .option('cache-dir', { hidden: true, type: 'string', defaultDescription: '$XDG_CACHE_HOME/repopack or ~/.cache/repopack', describe: 'where the cache lives' })
    .example(EXAMPLES as [string, string][])
    .completion('completion', 'print a shell completion script')
    .config(configDefaults)
    .strict()
    .version(version)
    .alias('version', 'v')
    .help()
    .alias('help', 'h')
    .wrap(helpColumns(process.stdout, process.env))
    .fail((message, error) => {
      throw error ?? new UsageError(message, 'see repopack --help');
    })
    .exitProcess(false);
  rejectMissingValues(argv);
  const args = await parser.parseAsync();
  if (args.help === true || args.version === true || args['help-all'] === true) return undefined;
  // `repopack completion` printed its script; `--get-yargs-completions` (the script calling back) printed candidates.
  // (A directory named `completion` is packed as `./completion`.)
  if (argv[0] === 'completion' || args['get-yargs-completions'] !== undefined) return undefined;
  const paths = [...(args.paths ?? []).map(String), ...pathsAfterDashes(argv)];
  return {
    root: paths[0] ?? '.',
    roots: paths.length > 1 ? paths : undefined,
    budget: args.budget === undefined ? undefined : parseBudget(args.budget),
    style: args.style,
    tokenizer: args.tokenizer === undefined ? undefined : parseTokenizerName(args.tokenizer),
    model: args.model,
    reserve: args.reserve === undefined ? undefined : parseReserve(args.reserve),
    config: args.config,
    include: args.include.map(String),
    ignore: args.ignore.map(String),
    maxFileBytes: parseByteSize(args['max-file-size'], '--max-file-size'),
    output: args.output,
    compress: args.compress === true,
    explain: args.explain === true,
    quiet: args.quiet === true,
    verbose: args.verbose === true,
    secrets: args.secrets,
    ...parseDiffArgs({ diff: args.diff, staged: args.staged, base: args.base, log: args.log }),
    focus: await readFocus(args.focus, args['focus-file']),
    order: args.order,
    cache: args.cache,
    cacheDirectory: args['cache-dir'],
    ...(await parseOutputArgs(args)),
  };
}

/** `--focus` text and `--focus-file` content joined; a file that cannot be read is a usage error naming it. */
async function readFocus(text: string | undefined, file: string | undefined): Promise<string | undefined> {
  if (file === undefined) return text;
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`--focus-file ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, 'give a readable text file');
  }
  return text === undefined ? content : `${text}\n\n${content}`;
}

/** Options that always take a value (long names and aliases). */
const VALUE_FLAGS: ReadonlySet<string> = new Set([
  '--budget', '-b', '--style', '-s', '--model', '-m', '--reserve', '--config', '-c', '--tokenizer', '-t', '--include',
  '-i', '--ignore', '-x', '--max-file-size', '--output', '-o', '--focus', '--focus-file', '--order', '--secrets',
  '--cache-dir', '--header-text', '--instructions', '--split', '--base', '--log',
]);

/**
 * A value option followed by nothing, or by something that looks like an option (`--ignore -x`), is a usage error:
 * yargs would silently take the next flag as a new option and the first as empty. A value that really starts with a
 * dash is passed as `--ignore=-x`. Scanning stops at `--`, after which everything is a path.
 */
function rejectMissingValues(argv: readonly string[]): void {
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index]!;
    if (flag === '--') return;
    if (!VALUE_FLAGS.has(flag)) continue;
    const next = argv[index + 1];
    if (next === undefined || next === '--' || (next.startsWith('-') && next !== '-')) {
      const got = next === undefined ? 'nothing' : `"${next}"`;
      throw new UsageError(`${flag} needs a value, got ${got}`, `give it one; a value starting with a dash is written ${flag.startsWith('--') ? flag : '--option'}=VALUE`);
    }
  }
}

/**
 * `repopack -- -weird-dir-name`: yargs leaves what follows `--` out of the positional, so the paths are taken from
 * there (with those before it).
 */
function pathsAfterDashes(argv: readonly string[]): string[] {
  const dashes = argv.indexOf('--');
  return dashes === -1 ? [] : argv.slice(dashes + 1);
}
