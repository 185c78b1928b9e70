import { UsageError } from '../../src/shared/errors.js';
import {
  CLAUDE_SAFETY_FACTOR,
  defaultModelBudget,
  findModelPreset,
  MODEL_PRESETS,
  parseReserve,
  resolveBudget,
} from '../../src/config/index.js';

describe('model presets', () => {
  it('qwen3-coder counts with qwen3 and defaults to its 256k window minus 16k', () => {
    expect(resolveBudget({ model: 'qwen3-coder' }, 128_000)).toMatchObject({ budget: 262_144 - 16_000, tokenizer: 'qwen3' });
  });

  it('an explicit budget and tokenizer win over the model', () => {
    expect(resolveBudget({ model: 'qwen3-coder', budget: 50_000 }, 128_000)).toMatchObject({ budget: 50_000, tokenizer: 'qwen3' });
    expect(resolveBudget({ model: 'gpt-4o', tokenizer: 'cl100k' }, 128_000)).toMatchObject({ budget: 112_000, tokenizer: 'cl100k' });
  });

  it('--reserve changes the default budget; the default reserve is at most a quarter of a small window', () => {
    expect(resolveBudget({ model: 'gpt-4o', reserve: 28_000 }, 1)).toMatchObject({ budget: 100_000 });
    expect(defaultModelBudget(findModelPreset('gpt-4'))).toBe(8_192 - 2_048);
    expect(() => resolveBudget({ model: 'gpt-4', reserve: 9_000 }, 1)).toThrow(/leaves no room/);
    expect(parseReserve('0')).toBe(0);
    expect(parseReserve('16k')).toBe(16_000);
  });

  it('caps a budget by the model input limit', () => {
    expect(resolveBudget({ model: 'gpt-5' }, 1).budget).toBe(272_000);
  });

  it('claude counts with o200k and divides either budget by the safety factor', () => {
    expect(resolveBudget({ model: 'claude' }, 1)).toMatchObject({
      budget: Math.floor((200_000 - 16_000) / CLAUDE_SAFETY_FACTOR),
      tokenizer: 'o200k',
    });
    expect(resolveBudget({ model: 'claude-sonnet-4.5', budget: 130_000 }, 1).budget).toBe(100_000);
  });

  it('without a model the given or fallback budget and o200k apply', () => {
    expect(resolveBudget({}, 128_000)).toEqual({ budget: 128_000, tokenizer: 'o200k' });
  });

  it('rejects an unknown model listing the known ones', () => {
    expect(() => findModelPreset('gpt-9')).toThrow(UsageError);
    try {
      findModelPreset('gpt-9');
    } catch (error) {
      expect((error as UsageError).hint).toContain(MODEL_PRESETS.map((preset) => preset.name).join(', '));
    }
  });

  it('has unique names and budgets that leave room', () => {
    const names = MODEL_PRESETS.map((preset) => preset.name);
    expect(new Set(names).size).toBe(names.length);
    for (const preset of MODEL_PRESETS) expect(defaultModelBudget(preset)).toBeGreaterThan(preset.windowTokens / 2);
  });
});
