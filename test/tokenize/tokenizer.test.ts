import { get_encoding } from 'tiktoken';
import { loadTokenizer, parseTokenizerName } from '../../src/tokenize/index.js';
import { UsageError } from '../../src/shared/errors.js';
import { TOKEN_SAMPLES } from './token-samples.js';

const SAMPLES = ['', ...TOKEN_SAMPLES];

describe('tokenizers agree with tiktoken, the reference implementation', () => {
  it.each([
    ['o200k', 'o200k_base'],
    ['cl100k', 'cl100k_base'],
  ] as const)('%s counts exactly what tiktoken %s counts', async (name, reference) => {
    const tokenizer = await loadTokenizer(name);
    const oracle = get_encoding(reference);
    try {
      for (const sample of SAMPLES) expect(tokenizer.count(sample)).toBe(oracle.encode_ordinary(sample).length);
    } finally {
      oracle.free();
    }
  });
});

describe('parseTokenizerName', () => {
  it('accepts the short and the tiktoken names', () => {
    expect(parseTokenizerName('o200k')).toBe('o200k');
    expect(parseTokenizerName('cl100k_base')).toBe('cl100k');
  });

  it('rejects an unknown name and lists the known ones', () => {
    expect(() => parseTokenizerName('gpt2')).toThrow(UsageError);
    expect(() => parseTokenizerName('gpt2')).toThrow('o200k, cl100k');
  });
});
