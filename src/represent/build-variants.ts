import type { FileSyntax } from '../analyze/index.js';
import type { SourceFile, Variant } from '../shared/types.js';
import { stripComments } from './strip-comments.js';
import { summarizeDocument } from './summarize.js';
import { countLines, headOfText, tidyWhitespace } from './text-variants.js';

/** Head sizes in characters, largest first (variants go richest first); fine steps let `fit` fill the last gaps. */
const HEAD_SIZES_CHARS = [10_000, 2_500, 600];
/**
 * Lines longer than this (minified bundles, embedded base64, generated runs) are never shown whole: BPE tokenisers
 * take time quadratic in an unbroken run (a 300 KB run took over a minute), and such text is noise to a model.
 */
export const MAX_SHOWN_LINE_CHARS = 5_000;
/** A cheaper variant must save at least this share of tokens over the next richer one to be offered. */
const MIN_SAVING_SHARE = 0.03;

export interface VariantInput {
  readonly file: SourceFile;
  /** Tree-sitter facts and representations, when a grammar exists and the parse succeeded. */
  readonly syntax?: FileSyntax;
}

type TextVariant = Exclude<Variant, { level: 'path' }>;

/** Counts (or estimates) the tokens of a text. */
export type TokenCount = (text: string) => number;

/**
 * Every way to show a file, richest first, ending with `path`. A variant is only offered when it is strictly
 * cheaper than every richer one kept, so `fit` never pays more for less.
 */
export function buildVariants(input: VariantInput, countTokens: TokenCount): Variant[] {
  const { file, syntax } = input;
  const lineCount = countLines(file.text);
  const variant = variantMaker(countTokens);
  const wholeTextShown = !hasOverlongLine(file.text);
  // A representation the parse built without re-parsing it is marked, so pack checks it before showing it.
  const unverified = (built: TextVariant, fromSyntax: unknown): TextVariant =>
    fromSyntax !== undefined && syntax?.representationsUnchecked === true ? { ...built, unverified: true } : built;
  const proposals: (() => TextVariant | undefined)[] = [
    () => (wholeTextShown ? variant('full', file.text) : undefined),
    () => (wholeTextShown ? unverified(variant('stripped', syntax?.stripped ?? stripText(file)), syntax?.stripped) : undefined),
    () =>
      syntax?.skeleton &&
      unverified(variant('skeleton', syntax.skeleton.text, `bodies elided: ${syntax.skeleton.elidedLines} of ${lineCount} lines`), syntax.skeleton),
    () => (syntax?.outline ? variant('outline', syntax.outline, `definitions of ${lineCount} lines`) : undefined),
    ...summaryProposals(input, variant),
    ...headProposals(file, lineCount, wholeTextShown, variant),
  ];
  return [...keepCheaperOnly(proposals), { level: 'path', tokens: 0 }];
}

/**
 * The variants that need neither a parse nor a rewrite of the text: `full` and the heads, then `path`. A file a plan
 * may still parse offers these beside placeholders for its parse levels, without paying for text-level stripping or
 * summaries that a parse would replace.
 */
export function unparsedVariants(file: SourceFile, countTokens: TokenCount): Variant[] {
  const variant = variantMaker(countTokens);
  const wholeTextShown = !hasOverlongLine(file.text);
  const proposals = [
    () => (wholeTextShown ? variant('full', file.text) : undefined),
    ...headProposals(file, countLines(file.text), wholeTextShown, variant),
  ];
  return [...keepCheaperOnly(proposals), { level: 'path', tokens: 0 }];
}

type MakeVariant = (level: TextVariant['level'], text: string, note?: string) => TextVariant;

function variantMaker(countTokens: TokenCount): MakeVariant {
  return (level, text, note) =>
    note === undefined ? { level, text, tokens: countTokens(text) } : { level, text, tokens: countTokens(text), note };
}

function headProposals(file: SourceFile, lineCount: number, wholeTextShown: boolean, variant: MakeVariant): (() => TextVariant | undefined)[] {
  return HEAD_SIZES_CHARS.map((size) => () => {
    if (file.text.length <= size && wholeTextShown) return undefined;
    const head = headOfText(file.text, Math.min(size, MAX_SHOWN_LINE_CHARS));
    const cut = wholeTextShown ? '' : ` (lines over ${MAX_SHOWN_LINE_CHARS} characters are cut)`;
    return variant('head', head.text, `first ${head.shownLines} of ${lineCount} lines${cut}`);
  });
}

function stripText(file: SourceFile): string {
  return tidyWhitespace(stripComments(file.text, file.language), file.text);
}

/** True when a line of `text` is longer than MAX_SHOWN_LINE_CHARS. */
export function hasOverlongLine(text: string): boolean {
  if (text.length <= MAX_SHOWN_LINE_CHARS) return false;
  let lineStart = 0;
  for (let newline = text.indexOf('\n'); ; newline = text.indexOf('\n', lineStart)) {
    const lineEnd = newline === -1 ? text.length : newline;
    if (lineEnd - lineStart > MAX_SHOWN_LINE_CHARS) return true;
    if (newline === -1) return false;
    lineStart = newline + 1;
  }
}

function summaryProposals(input: VariantInput, variant: MakeVariant): (() => TextVariant | undefined)[] {
  if (input.syntax || input.file.kind === 'code') return [];
  const summaries = summarizeDocument(input.file.path, input.file.language, input.file.text);
  return summaries.map((summary) => () => variant(summary.level, summary.text, summary.note));
}

/** Keep proposals in order while each costs less than the last one kept (by MIN_SAVING_SHARE). */
function keepCheaperOnly(proposals: readonly (() => TextVariant | undefined)[]): TextVariant[] {
  const kept: TextVariant[] = [];
  for (const propose of proposals) {
    const candidate = propose();
    if (!candidate || candidate.text.length === 0) continue;
    const last = kept[kept.length - 1];
    if (last && candidate.tokens > last.tokens * (1 - MIN_SAVING_SHARE)) continue;
    kept.push(candidate);
  }
  return kept;
}
