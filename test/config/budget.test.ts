import { parseBudget, parseByteSize } from '../../src/config/index.js';
import { UsageError } from '../../src/shared/errors.js';

describe('parseBudget', () => {
  it.each([
    ['32k', 32_000],
    ['256k', 256_000],
    ['256K', 256_000],
    ['1M', 1_000_000],
    ['1m', 1_000_000],
    ['1.5m', 1_500_000],
    ['200000', 200_000],
    ['200_000', 200_000],
    ['200,000', 200_000],
    ['2M', 2_000_000],
    [' 4k ', 4_000],
  ])('%s → %d tokens', (text, tokens) => {
    expect(parseBudget(text)).toBe(tokens);
  });

  it.each(['12q', '', 'k', '-5k', '1e6', '32 kb', '1,00'])('rejects %j with a UsageError quoting it', (text) => {
    expect(() => parseBudget(text)).toThrow(UsageError);
    expect(() => parseBudget(text)).toThrow(JSON.stringify(text.trim()));
  });

  it('rejects budgets out of range with the allowed range in the hint', () => {
    const error = (() => {
      try {
        parseBudget('10');
      } catch (caught) {
        return caught as UsageError;
      }
      return undefined;
    })();
    expect(error?.message).toContain('out of range');
    expect(error?.hint).toContain('1,000');
    expect(() => parseBudget('20M')).toThrow('out of range');
  });
});

describe('parseByteSize', () => {
  it.each([
    ['1mb', 1024 * 1024],
    ['500kb', 500 * 1024],
    ['2m', 2 * 1024 * 1024],
    ['1048576', 1048576],
    ['1MiB', 1024 * 1024],
  ])('%s → %d bytes', (text, bytes) => {
    expect(parseByteSize(text, '--max-file-size')).toBe(bytes);
  });

  it('rejects a size that is not one, naming the flag', () => {
    expect(() => parseByteSize('lots', '--max-file-size')).toThrow('--max-file-size "lots" is not a size');
  });
});
