/** What every ranking signal returns per file. */
export interface SignalScore {
  /** Strength in [0, 1]; 1 = the strongest evidence this signal can give. */
  readonly score: number;
  /** Short phrases for `--explain`, e.g. `focus names src/x.ts`. */
  readonly reasons: readonly string[];
  /** True when the task text names this file outright (it then escapes role penalties). */
  readonly named?: boolean;
}
