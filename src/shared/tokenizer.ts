/** Names of the tokenizers a run can count with. */
export type TokenizerName = 'o200k' | 'cl100k' | 'qwen3' | 'llama3';

/** Counts tokens. Implementations live at the edge (`src/tokenize/`); the pure core only sees this interface. */
export interface Tokenizer {
  readonly name: TokenizerName;
  /** Exact token count of `text`, treating special-token look-alikes such as `<|endoftext|>` as ordinary text. */
  count(text: string): number;
  /**
   * True when counts add up across a cut just after a line feed followed by neither white space nor `/` (see
   * `tokenize/part-count.ts`), so a text may be counted in such parts. Absent for tokenizers that normalise text first.
   */
  readonly additiveAtLineStarts?: boolean;
}
