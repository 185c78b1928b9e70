/**
 * `--tokens-only`: no bundle; the token count of every directory's files, like `du` for tokens. The files are the
 * ones a pack would consider (same ignore rules, globs and file list), counted in full with the chosen tokenizer.
 */
import { resolve } from 'node:path';
import { collectFiles } from '../collect/index.js';
import { resolveBudget } from '../config/index.js';
import { resolveFileSource } from '../pack-diff.js';
import { collectOptionsFor } from '../pack-inputs.js';
import { DEFAULT_BUDGET_TOKENS, type PackOptions } from '../pack-options.js';
import { loadTokenizer } from '../tokenize/index.js';

/** Tokens of one directory (`''` is the root): its files at any depth. */
export interface DirectoryTokens {
  readonly path: string;
  readonly tokens: number;
  readonly files: number;
}

/**
 * Sums file counts into every directory above them. Sorted by tokens, largest first, ties by path (code unit); the
 * root (`''`) is included and, holding everything, always comes first.
 */
export function directoryTokens(files: readonly { readonly path: string; readonly tokens: number }[]): DirectoryTokens[] {
  const totals = new Map<string, { tokens: number; files: number }>();
  for (const file of files) {
    const segments = file.path.split('/');
    for (let depth = 0; depth < segments.length; depth++) {
      const directory = segments.slice(0, depth).join('/');
      const total = totals.get(directory) ?? { tokens: 0, files: 0 };
      total.tokens += file.tokens;
      total.files += 1;
      totals.set(directory, total);
    }
  }
  if (!totals.has('')) totals.set('', { tokens: 0, files: 0 });
  return [...totals]
    .map(([path, total]) => ({ path, ...total }))
    .sort((a, b) => b.tokens - a.tokens || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * `du`-style lines: `tokens<TAB>directory/`, then `tokens<TAB>total (N files, tokenizer)`. Raw numbers, so the
 * output sorts with `sort -n` and parses with `cut`.
 */
export function formatDirectoryTokens(directories: readonly DirectoryTokens[], tokenizer: string): string {
  const lines = directories.filter((directory) => directory.path !== '').map((directory) => `${directory.tokens}\t${directory.path}/`);
  const root = directories.find((directory) => directory.path === '') ?? { tokens: 0, files: 0 };
  lines.push(`${root.tokens}\ttotal (${root.files} ${root.files === 1 ? 'file' : 'files'}, ${tokenizer})`);
  return `${lines.join('\n')}\n`;
}

/**
 * Collects like `pack` (same globs, config exclusions, file list and source: `--staged` counts the index, as the
 * bundle would show it) and counts each file in full; resolves to the text to print.
 */
export async function tokensOnlyText(options: PackOptions): Promise<string> {
  const { tokenizer: tokenizerName } = resolveBudget(options, DEFAULT_BUDGET_TOKENS);
  const source = await resolveFileSource(resolve(options.root), options);
  const collection = await collectFiles({ ...collectOptionsFor(options), ...(source === undefined ? {} : { source }) });
  const tokenizer = await loadTokenizer(tokenizerName);
  const counted = collection.files.map((file) => ({ path: file.path, tokens: tokenizer.count(file.text) }));
  return formatDirectoryTokens(directoryTokens(counted), tokenizer.name);
}
