/**
 * Cheaper views of documents and data files, chosen by language: prose (markdown, rst, asciidoc), JSON, line-based
 * configuration (yaml, toml, ini), delimited tables (csv, tsv) and Jupyter notebooks. Pure.
 */
import { summarizeConfig, isConfigLanguage } from './data-summary.js';
import { isDocumentLanguage, summarizeProse } from './doc-summary.js';
import { summarizeJson } from './json-shape.js';
import { summarizeNotebook } from './notebook-cells.js';
import type { Summary } from './summary-text.js';
import { summarizeTable } from './table-summary.js';
import { detectLanguage } from '../shared/languages.js';

export type { Summary } from './summary-text.js';

/**
 * Cheaper views of a document or data file, richest first (`skeleton` before `outline`); each `text` is strictly
 * shorter than the input and than the view before it. `[]` for languages without such views and for input that
 * does not parse (invalid JSON or notebook): the caller falls back to plain-text levels. `language` is a language
 * id from `shared/languages.ts`; when undefined it is detected from `path`.
 */
export function summarizeDocument(path: string, language: string | undefined, text: string): Summary[] {
  const kept: Summary[] = [];
  for (const summary of summariesFor(language ?? detectLanguage(path).language, text)) {
    // Each view must be cheaper than the input and than the richer view before it, or it is no choice at all.
    const bound = kept[kept.length - 1]?.text.length ?? text.length;
    if (summary.text.trim() !== '' && summary.text.length < bound) kept.push(summary);
  }
  return kept;
}

function summariesFor(language: string | undefined, text: string): Summary[] {
  if (text.trim() === '') return [];
  if (isDocumentLanguage(language)) return summarizeProse(language, text);
  if (isConfigLanguage(language)) return summarizeConfig(language, text);
  switch (language) {
    case 'json':
      return summarizeJson(text);
    case 'csv':
      return summarizeTable(',', text);
    case 'tsv':
      return summarizeTable('\t', text);
    case 'jupyter':
      return summarizeNotebook(text);
    default:
      return [];
  }
}
