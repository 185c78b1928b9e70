/**
 * Model presets: `--model NAME` picks the tokenizer a model counts with and a default budget of the model's context
 * window minus a reserve for the question and the answer.
 *
 * Windows are the providers' published context lengths (total of prompt and answer, in the model's own tokens).
 */
import { UsageError } from '../shared/errors.js';
import { parseBudget } from './budget.js';
import type { TokenizerName } from '../shared/tokenizer.js';

/** One model family as repopack sees it. */
export interface ModelPreset {
  readonly name: string;
  /** Context window in the model's tokens (prompt + answer). */
  readonly windowTokens: number;
  /** Most tokens the prompt alone may take, when the provider caps it below the window. */
  readonly maxInputTokens?: number;
  readonly tokenizer: TokenizerName;
  /**
   * Model tokens per counted token, > 1 when we count with a stand-in tokenizer: budgets in the model's tokens are
   * divided by it before fitting.
   */
  readonly safetyFactor?: number;
  /** One line for `repopack models`. */
  readonly note?: string;
  /** What counting with a stand-in cannot promise, printed under the `repopack models` table. */
  readonly caveat?: string;
}

/**
 * No public offline tokenizer exists for Claude; we count with o200k and shrink the budget by this factor. Source:
 * L. Gupta, "Hidden costs in AI deployment: Why Claude models may be 20-30% more expensive than GPT in enterprise
 * settings" (VentureBeat, May 2025), counting the same inputs with Claude 3.5 Sonnet and GPT-4o (o200k): Claude gave
 * 16% more tokens on English articles, 21% more on math and 30% more on Python code. A bundle is mostly code, so 1.3.
 * Not measured by us, and not a bound: Claude Opus 4.7 ships a new tokenizer that Anthropic says uses "roughly 1x to
 * 1.35x as many tokens" as earlier models, and an independent count with Anthropic's count_tokens endpoint found
 * 1.29x on Python, 1.36x on TypeScript and 1.47x on technical docs against Opus 4.6 (claudecodecamp.com, "I measured
 * Claude 4.7's new tokenizer", April 2026). `CLAUDE_CAVEAT` says so wherever the preset is listed.
 */
export const CLAUDE_SAFETY_FACTOR = 1.3;

/** What the Claude preset cannot promise, printed by `repopack models` and in the README. */
export const CLAUDE_CAVEAT =
  `Claude's tokenizer is not public: counts are o200k and the budget is divided by ${CLAUDE_SAFETY_FACTOR} (Claude 3.5 ` +
  'Sonnet was measured at +16% tokens on English, +30% on Python against GPT-4o). Claude Opus 4.7 and later count up ' +
  'to ~1.35x more again (Anthropic\'s figure): pass a lower --budget for them.';

/** Default reserve for the question and the answer. A typical long answer fits in 16k tokens. */
export const DEFAULT_RESERVE_TOKENS = 16_000;
/** The default reserve never takes more than this share of a small window (8k models would have no room left). */
export const MAX_DEFAULT_RESERVE_SHARE = 0.25;

export const MODEL_PRESETS: readonly ModelPreset[] = [
  { name: 'qwen3-coder', windowTokens: 262_144, tokenizer: 'qwen3', note: 'native 256k; 1M with YaRN: pass --budget' },
  { name: 'qwen3', windowTokens: 131_072, tokenizer: 'qwen3', note: '32k native, 128k with YaRN' },
  { name: 'qwen2.5-coder', windowTokens: 131_072, tokenizer: 'qwen3', note: '32k native, 128k with YaRN; same vocabulary as Qwen3' },
  { name: 'gpt-5', windowTokens: 400_000, maxInputTokens: 272_000, tokenizer: 'o200k' },
  { name: 'gpt-4.1', windowTokens: 1_047_576, tokenizer: 'o200k' },
  { name: 'gpt-4.1-mini', windowTokens: 1_047_576, tokenizer: 'o200k' },
  { name: 'gpt-4o', windowTokens: 128_000, tokenizer: 'o200k' },
  { name: 'gpt-4o-mini', windowTokens: 128_000, tokenizer: 'o200k' },
  { name: 'o3', windowTokens: 200_000, tokenizer: 'o200k' },
  { name: 'o4-mini', windowTokens: 200_000, tokenizer: 'o200k' },
  { name: 'gpt-4-turbo', windowTokens: 128_000, tokenizer: 'cl100k' },
  { name: 'gpt-4', windowTokens: 8_192, tokenizer: 'cl100k' },
  { name: 'gpt-3.5-turbo', windowTokens: 16_385, tokenizer: 'cl100k' },
  { name: 'claude', windowTokens: 200_000, tokenizer: 'o200k', safetyFactor: CLAUDE_SAFETY_FACTOR, note: `estimate: o200k, budget ÷ ${CLAUDE_SAFETY_FACTOR} (see below)`, caveat: CLAUDE_CAVEAT },
  { name: 'llama3', windowTokens: 8_192, tokenizer: 'llama3', note: 'Llama 3 (8k); use llama3.1 for 128k' },
  { name: 'llama3.1', windowTokens: 131_072, tokenizer: 'llama3' },
  { name: 'llama3.3', windowTokens: 131_072, tokenizer: 'llama3' },
];

/** Spellings people use for the same preset. */
const MODEL_ALIASES: Readonly<Record<string, string>> = {
  'claude-sonnet': 'claude',
  'claude-opus': 'claude',
  'claude-haiku': 'claude',
  sonnet: 'claude',
  opus: 'claude',
  'llama-3': 'llama3',
  'llama-3.1': 'llama3.1',
  'llama-3.3': 'llama3.3',
  'qwen-coder': 'qwen3-coder',
};

/**
 * Find a preset by name (case-insensitive; `claude-sonnet-4`-style suffixes of a known family fall back to it).
 * @throws UsageError listing the known names.
 */
export function findModelPreset(name: string, flag = '--model'): ModelPreset {
  const wanted = name.trim().toLowerCase();
  const exact = MODEL_PRESETS.find((preset) => preset.name === (MODEL_ALIASES[wanted] ?? wanted));
  if (exact) return exact;
  if (wanted.startsWith('claude')) return MODEL_PRESETS.find((preset) => preset.name === 'claude')!;
  throw new UsageError(
    `${flag} ${JSON.stringify(name)} is not a known model`,
    `use one of: ${MODEL_PRESETS.map((preset) => preset.name).join(', ')} (repopack models lists them), or pass --tokenizer and --budget`,
  );
}

/** The reserve used when `--reserve` is not given: 16k, but at most a quarter of the window. */
export function defaultReserve(preset: ModelPreset): number {
  return Math.min(DEFAULT_RESERVE_TOKENS, Math.floor(preset.windowTokens * MAX_DEFAULT_RESERVE_SHARE));
}

/** Default budget in the model's own tokens: the window minus the reserve, capped by the input limit. */
export function defaultModelBudget(preset: ModelPreset, reserveTokens = defaultReserve(preset)): number {
  const budget = Math.min(preset.windowTokens - reserveTokens, preset.maxInputTokens ?? Infinity);
  if (budget <= 0) {
    throw new UsageError(
      `--reserve ${reserveTokens.toLocaleString('en-US')} leaves no room in ${preset.name}'s window of ${preset.windowTokens.toLocaleString('en-US')} tokens`,
      `use a smaller --reserve, e.g. ${defaultReserve(preset).toLocaleString('en-US')}`,
    );
  }
  return budget;
}

export interface BudgetSettings {
  readonly budget?: number;
  readonly tokenizer?: TokenizerName;
  readonly model?: string;
  readonly reserve?: number;
}

export interface ResolvedBudget {
  /** Budget in counted tokens (after a stand-in tokenizer's safety factor). */
  readonly budget: number;
  readonly tokenizer: TokenizerName;
  /** How the budget was derived, for the summary; undefined without a model. */
  readonly note?: string;
}

/**
 * Combine `--model`, `--budget`, `--reserve` and `--tokenizer`: an explicit budget or tokenizer wins over the model's;
 * a model's safety factor applies to either budget, because both are in the model's tokens.
 */
export function resolveBudget(settings: BudgetSettings, fallbackBudget: number): ResolvedBudget {
  if (settings.model === undefined) {
    return { budget: settings.budget ?? fallbackBudget, tokenizer: settings.tokenizer ?? 'o200k' };
  }
  const preset = findModelPreset(settings.model);
  const modelBudget = settings.budget ?? defaultModelBudget(preset, settings.reserve ?? defaultReserve(preset));
  const factor = preset.safetyFactor ?? 1;
  const budget = Math.floor(modelBudget / factor);
  const derivation =
    settings.budget === undefined
      ? `window ${preset.windowTokens.toLocaleString('en-US')} − reserve ${(settings.reserve ?? defaultReserve(preset)).toLocaleString('en-US')}`
      : 'explicit --budget';
  const scaled = factor === 1 ? '' : `, ÷ ${factor} safety factor for a stand-in tokenizer`;
  return {
    budget,
    tokenizer: settings.tokenizer ?? preset.tokenizer,
    note: `${preset.name}: budget ${budget.toLocaleString('en-US')} (${derivation}${scaled})`,
  };
}

/** Parse `--reserve`: a token count like `--budget` (`16k`, `20000`), or 0 for no reserve. */
export function parseReserve(value: string | number): number {
  return String(value).trim() === '0' ? 0 : parseBudget(value, '--reserve');
}
