import { Chalk, type ChalkInstance } from 'chalk';

/** Colours for stderr: only on a TTY, never with NO_COLOR (any non-empty value), forced by FORCE_COLOR. */
export function stderrColors(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): ChalkInstance {
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  const level = noColor ? 0 : forced || stream.isTTY ? 1 : 0;
  return new Chalk({ level });
}

/** `12345` → `12,345`, independent of the user's locale. */
export function formatCount(value: number): string {
  return Math.round(value).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Help is never wrapped wider than this, however wide the terminal: long lines are hard to scan. */
const MAX_HELP_COLUMNS = 110;
/** Width assumed when neither the terminal nor `COLUMNS` says (a pipe, CI). */
const DEFAULT_HELP_COLUMNS = 100;

/** Columns to wrap `--help` at: the terminal's width, else `COLUMNS` (as shells export it), capped at 110. */
export function helpColumns(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): number {
  const fromEnv = Number(env.COLUMNS);
  const columns = stream.columns ?? (Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_HELP_COLUMNS);
  return Math.min(MAX_HELP_COLUMNS, columns);
}
