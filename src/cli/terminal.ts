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
