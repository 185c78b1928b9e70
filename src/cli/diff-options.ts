/** `--diff [REF]`, `--staged`, `--base REF` and `--log N` on the command line → a `DiffMode` and a log count. */
import { UsageError } from '../shared/errors.js';
import type { DiffMode } from '../shared/types.js';

/** Raw values as yargs parsed them (`--diff` alone is `''`). */
export interface DiffArgs {
  readonly diff: string | undefined;
  readonly staged: boolean | undefined;
  readonly base: string | undefined;
  readonly log: number | undefined;
}

/** The yargs option definitions, shared by the main command and `snapshot`. */
export const DIFF_OPTIONS = {
  diff: { type: 'string', describe: 'include the diff vs HEAD (or vs REF) inside the budget' },
  staged: { type: 'boolean', describe: 'include the staged diff (index vs HEAD)' },
  base: { type: 'string', describe: 'include everything since the merge-base with REF, e.g. main' },
  log: { type: 'number', describe: 'list the last N commits' },
} as const;

/** Validates the combination: at most one of `--diff`, `--staged`, `--base`; refs non-empty; N a whole number ≥ 0. */
export function parseDiffArgs(args: DiffArgs): { diff: DiffMode | undefined; logCount: number | undefined } {
  const given = [args.diff !== undefined && '--diff', args.staged === true && '--staged', args.base !== undefined && '--base'].filter(
    (flag): flag is string => flag !== false,
  );
  if (given.length > 1) throw new UsageError(`${given.join(' and ')} cannot be combined`, 'choose one diff mode');
  if (args.log !== undefined && (!Number.isInteger(args.log) || args.log < 0)) {
    throw new UsageError(`--log ${String(args.log)} is not a number of commits`, 'use a whole number, e.g. --log 10');
  }
  const logCount = args.log === undefined || args.log === 0 ? undefined : args.log;
  if (args.base !== undefined) {
    if (args.base.trim() === '') throw new UsageError('--base needs a ref', 'e.g. --base main');
    return { diff: { kind: 'base', ref: args.base }, logCount };
  }
  if (args.staged === true) return { diff: { kind: 'staged' }, logCount };
  if (args.diff === undefined) return { diff: undefined, logCount };
  return { diff: args.diff === '' ? { kind: 'worktree' } : { kind: 'ref', ref: args.diff }, logCount };
}
