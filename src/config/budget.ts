import { UsageError } from '../shared/errors.js';

/** `k` is 1,000 and `M` 1,000,000 (decimal, never 1,024): a bundle sized this way fits a window advertised either way. */
const SUFFIX_MULTIPLIERS: Readonly<Record<string, number>> = { '': 1, k: 1_000, m: 1_000_000 };

/** Smallest budget we accept at parse time; the real floor (header + collapsed tree) is checked by `fit`. */
export const MIN_BUDGET_TOKENS = 1_000;
/** Largest budget we accept: well past any current context window, far below string-size limits. */
export const MAX_BUDGET_TOKENS = 10_000_000;

/**
 * Parse a token budget: `32k`, `256K`, `1M`, `1m`, `1.5m`, `200000`, `200_000`, `200,000`.
 * @throws UsageError quoting the value, e.g. for `12q`.
 */
export function parseBudget(value: string | number, flag = '--budget'): number {
  const text = String(value).trim();
  const match = /^(\d+(?:[_,]\d{3})*(?:\.\d+)?)\s*([kKmM]?)$/.exec(text);
  if (!match) {
    throw new UsageError(
      `${flag} ${JSON.stringify(text)} is not a token count`,
      'use a number with an optional k (thousand) or M (million) suffix, e.g. 32k, 256k, 1M, 200000',
    );
  }
  const amount = Number(match[1]!.replace(/[_,]/g, ''));
  const tokens = Math.floor(amount * SUFFIX_MULTIPLIERS[match[2]!.toLowerCase()]!);
  if (tokens < MIN_BUDGET_TOKENS || tokens > MAX_BUDGET_TOKENS) {
    throw new UsageError(
      `${flag} ${JSON.stringify(text)} is out of range`,
      `use between ${MIN_BUDGET_TOKENS.toLocaleString('en-US')} and ${MAX_BUDGET_TOKENS.toLocaleString('en-US')} tokens`,
    );
  }
  return tokens;
}

/** Parse a byte size: `1MB`, `500kb`, `2m`, `1048576`. k/M here are binary (1,024) as file sizes usually are. */
export function parseByteSize(value: string | number, flag: string): number {
  const text = String(value).trim();
  const match = /^(\d+(?:\.\d+)?)\s*([kKmMgG]?)(?:i?[bB])?$/.exec(text);
  if (!match) {
    throw new UsageError(`${flag} ${JSON.stringify(text)} is not a size`, 'use e.g. 500kb, 1mb, 2097152');
  }
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[match[2]!.toLowerCase()]!;
  return Math.floor(Number(match[1]) * unit);
}
