/**
 * Output conveniences on the command line: `--copy`, `--json`, `--tokens-only`, `--stdin`, `--header-text`,
 * `--instructions`, `--line-numbers`, `--no-tree`, `--split` and `--progress` → validated `OutputCliOptions`.
 */
import { readFile } from 'node:fs/promises';
import { MAX_SPLIT_PARTS } from '../config/index.js';
import { UsageError } from '../shared/errors.js';

/** What the output options asked for. */
export interface OutputCliOptions {
  /** `--copy`: also put the bundle on the system clipboard (instead of stdout when there is no `-o`). */
  readonly copy: boolean;
  /** `--json FILE`, or `-` for stderr; undefined for none. */
  readonly json: string | undefined;
  /** `--tokens-only`: print per-directory token counts instead of a bundle. */
  readonly tokensOnly: boolean;
  /** `--stdin`: read the file list from stdin. */
  readonly stdin: boolean;
  readonly headerText: string | undefined;
  /** The text of `--instructions FILE`. */
  readonly instructions: string | undefined;
  readonly lineNumbers: boolean;
  /** False with `--no-tree`. */
  readonly tree: boolean;
  /** `--split N`: at most N parts, each within the budget; undefined for one bundle. */
  readonly split: number | undefined;
  /** False with `--no-progress` (the bar only ever shows on a terminal anyway). */
  readonly progress: boolean;
}

/** Raw values as yargs parsed them. */
export interface OutputArgs {
  readonly copy: boolean | undefined;
  readonly json: string | undefined;
  readonly 'tokens-only': boolean | undefined;
  readonly stdin: boolean | undefined;
  readonly 'header-text': string | undefined;
  readonly instructions: string | undefined;
  readonly 'line-numbers': boolean;
  readonly tree: boolean;
  readonly split: number | undefined;
  readonly progress: boolean;
}

export { MAX_SPLIT_PARTS };

/** The yargs option definitions; the rarer ones are hidden from `--help` and shown by `--help-all`. */
export const OUTPUT_OPTIONS = {
  copy: { type: 'boolean', describe: 'copy the bundle to the clipboard' },
  json: { type: 'string', describe: 'write a JSON report to FILE (- for stderr)' },
  'tokens-only': { type: 'boolean', describe: 'no bundle: token counts per directory, like du' },
  stdin: { type: 'boolean', describe: 'read the file list from stdin (git ls-files)' },
  'header-text': { type: 'string', hidden: true, describe: 'text added to the bundle header' },
  instructions: { type: 'string', hidden: true, describe: 'put the text of this file at the end of the bundle' },
  'line-numbers': { type: 'boolean', default: false, hidden: true, describe: 'number the lines of files shown in full' },
  tree: { type: 'boolean', default: true, hidden: true, describe: 'list the directory tree (--no-tree: leave it out)' },
  split: { type: 'number', describe: 'at most N parts, each within the budget' },
  progress: { type: 'boolean', default: true, hidden: true, describe: 'progress bar on a terminal (--no-progress: never)' },
} as const;

/** `--help` lists these under their own heading. */
export const OUTPUT_GROUP = ['copy', 'json', 'tokens-only', 'stdin', 'split'];

/** Options whose value may be `-` (stderr), which yargs would otherwise read as a stray argument. */
const DASH_VALUE_OPTIONS = new Set(['--json']);

/**
 * `--json -` → `--json=-`, so yargs keeps the dash as the option's value; `--help-all` also asks for `--help`
 * (yargs shows hidden options only together with the help).
 */
export function joinDashValues(argv: readonly string[]): string[] {
  const joined: string[] = argv.includes('--help-all') && !argv.includes('--help') ? ['--help'] : [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (DASH_VALUE_OPTIONS.has(arg) && argv[index + 1] === '-') {
      joined.push(`${arg}=-`);
      index++;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}

/** Validates the output options and reads `--instructions FILE`. */
export async function parseOutputArgs(args: OutputArgs): Promise<OutputCliOptions> {
  if (args.split !== undefined && (!Number.isInteger(args.split) || args.split < 1 || args.split > MAX_SPLIT_PARTS)) {
    throw new UsageError(`--split ${String(args.split)} is not a number of parts`, `use a whole number from 1 to ${MAX_SPLIT_PARTS}, e.g. --split 3`);
  }
  if (args.json === '') throw new UsageError('--json needs a file name, or - for stderr', 'e.g. --json report.json');
  if (args['tokens-only'] && (args.copy || args.split !== undefined)) {
    throw new UsageError(`--tokens-only cannot be combined with ${args.copy ? '--copy' : '--split'}`, 'it prints counts, not a bundle');
  }
  return {
    copy: args.copy === true,
    json: args.json,
    tokensOnly: args['tokens-only'] === true,
    stdin: args.stdin === true,
    headerText: args['header-text'],
    instructions: args.instructions === undefined ? undefined : await readInstructions(args.instructions),
    lineNumbers: args['line-numbers'],
    tree: args.tree,
    split: args.split,
    progress: args.progress,
  };
}

async function readInstructions(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError(`--instructions ${file}: cannot read it (${reason})`, 'give a readable text file');
  }
}
