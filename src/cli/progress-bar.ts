/**
 * A one-line progress bar on stderr while a pack runs: `analyze ████████░░░░░░░░ 1,204/3,010`. Drawn only on an
 * interactive terminal — never into a pipe, a file, CI logs or with `--quiet` — and erased when the pack ends, so
 * the summary below it is all that stays on screen.
 */
import type { PackProgress } from '../pack-env.js';
import { formatCount } from './terminal.js';

/** Width of the bar in characters. */
const BAR_WIDTH = 24;
/** Redraw at most this many times per phase (one per step of the bar is all the eye can see). */
const STEPS_PER_PHASE = BAR_WIDTH * 2;
/** Clear from the cursor to the end of the line (ANSI EL). */
const CLEAR_LINE = '\u001b[K';

/** What decides whether the bar is drawn. */
export interface ProgressBarContext {
  readonly stream: Pick<NodeJS.WriteStream, 'write'> & { readonly isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  readonly quiet: boolean;
}

/** Receives progress from `pack` and clears the line when done. */
export interface ProgressBar {
  update(progress: PackProgress): void;
  /** Erases the bar (if one was drawn). Safe to call more than once. */
  done(): void;
}

/** True only for an interactive terminal outside CI, without `--quiet`. */
export function isProgressShown(context: ProgressBarContext): boolean {
  const ci = context.env.CI !== undefined && context.env.CI !== '' && context.env.CI !== 'false';
  return context.stream.isTTY === true && !ci && !context.quiet && context.env.TERM !== 'dumb';
}

/** `analyze ██████░░░░ 120/300`, or the phase alone when it has no count. */
export function formatProgress(progress: PackProgress): string {
  if (progress.total === undefined || progress.total === 0 || progress.done === undefined) return `${progress.phase}…`;
  const share = Math.min(1, progress.done / progress.total);
  const filled = Math.round(share * BAR_WIDTH);
  const bar = '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
  return `${progress.phase} ${bar} ${formatCount(progress.done)}/${formatCount(progress.total)}`;
}

/** A bar for `context`; a silent one when the bar must not be shown. */
export function createProgressBar(context: ProgressBarContext): ProgressBar {
  if (!isProgressShown(context)) return { update: () => undefined, done: () => undefined };
  let drawn = false;
  let last = '';
  return {
    update(progress) {
      const step =
        progress.total && progress.done !== undefined ? Math.floor((progress.done / progress.total) * STEPS_PER_PHASE) : -1;
      const key = `${progress.phase}:${step}`;
      if (key === last) return;
      last = key;
      context.stream.write(`\r${formatProgress(progress)}${CLEAR_LINE}`);
      drawn = true;
    },
    done() {
      if (drawn) context.stream.write(`\r${CLEAR_LINE}`);
      drawn = false;
    },
  };
}
