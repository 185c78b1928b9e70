/** Names of the tokenizers a run can count with. */
export type TokenizerName = 'o200k' | 'cl100k' | 'qwen3' | 'llama3';

/** Counts tokens. Implementations live at the edge (`src/tokenize/`); the pure core only sees this interface. */
export interface Tokenizer {
  readonly name: TokenizerName;
  /** Exact token count of `text`, treating special-token look-alikes such as `<|endoftext|>` as ordinary text. */
  count(text: string): number;
}
