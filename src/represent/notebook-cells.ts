/**
 * Jupyter notebooks → `skeleton` (code and markdown cells in order, outputs and metadata dropped, in jupytext's
 * percent format: `# %%` before code, `# %% [markdown]` before commented markdown) and `outline` (markdown
 * headings and the first line of each code cell, numbered by cell). Pure.
 */
import { markdownBlocks } from './markdown-blocks.js';
import { parseLenient } from './json-shape.js';
import { type Summary, countOf, splitLines, truncateText } from './summary-text.js';

/** Longest cell line kept, in characters; cuts embedded base64 images and minified data, never real code. */
export const NOTEBOOK_LINE_MAX_CHARS = 500;

/** Line-comment prefix per kernel language, for the percent-format markers (jupytext's choices). */
const COMMENT_PREFIX: Readonly<Record<string, string>> = {
  'c#': '//', 'c++': '//', cpp: '//', csharp: '//', go: '//', java: '//', javascript: '//', kotlin: '//',
  rust: '//', scala: '//', typescript: '//', matlab: '%', octave: '%', haskell: '--', lua: '--', sql: '--',
};

interface Cell {
  readonly kind: 'code' | 'markdown' | 'raw';
  readonly lines: readonly string[];
}

/** Skeleton and outline of an `.ipynb` notebook; `[]` when the text is not a notebook. */
export function summarizeNotebook(text: string): Summary[] {
  const notebook = parseLenient(text);
  const cells = notebook === undefined ? undefined : cellsOf(notebook);
  if (cells === undefined || cells.length === 0) return [];
  const comment = COMMENT_PREFIX[kernelLanguage(notebook).toLowerCase()] ?? '#';
  const code = cells.filter((cell) => cell.kind === 'code').length;
  const raw = cells.filter((cell) => cell.kind === 'raw').length;
  const markdown = cells.length - code - raw;
  const rawCount = raw > 0 ? `, ${countOf(raw, 'raw cell')}` : '';
  const counts = `${countOf(code, 'code cell')}, ${countOf(markdown, 'markdown cell')}${rawCount}`;
  const summaries: Summary[] = [
    { level: 'skeleton', text: percentFormat(cells, comment), note: `${counts}, outputs dropped` },
  ];
  const outline = outlineOf(cells);
  if (outline !== '') {
    const note = `markdown headings and first line of each of ${countOf(code, 'code cell')}`;
    summaries.push({ level: 'outline', text: outline, note });
  }
  return summaries;
}

/** Cells of an nbformat 4 notebook (or nbformat 3, `worksheets[].cells`); undefined when the shape is wrong. */
function cellsOf(notebook: unknown): Cell[] | undefined {
  const record = asRecord(notebook);
  const worksheets = Array.isArray(record?.['worksheets']) ? (record['worksheets'] as unknown[]) : [];
  const raw = record?.['cells'] ?? worksheets.flatMap((sheet) => (asRecord(sheet)?.['cells'] as unknown[]) ?? []);
  if (!Array.isArray(raw)) return undefined;
  const cells: Cell[] = [];
  for (const item of raw) {
    const cell = asRecord(item);
    const source = cell?.['source'] ?? cell?.['input'];
    const body = Array.isArray(source) ? source.join('') : source;
    if (cell === undefined || typeof body !== 'string') return undefined;
    const type = cell['cell_type'];
    if (type === 'code' || type === 'markdown' || type === 'raw') cells.push({ kind: type, lines: splitLines(body) });
    else if (type === 'heading') cells.push({ kind: 'markdown', lines: [`${'#'.repeat(headingLevel(cell))} ${body}`] });
    else return undefined;
  }
  return cells;
}

function kernelLanguage(notebook: unknown): string {
  const metadata = asRecord(asRecord(notebook)?.['metadata']);
  const language = asRecord(metadata?.['kernelspec'])?.['language'] ?? asRecord(metadata?.['language_info'])?.['name'];
  return typeof language === 'string' ? language : 'python';
}

function percentFormat(cells: readonly Cell[], comment: string): string {
  const parts = cells.map((cell) => {
    const lines = cell.lines.map((line) => truncateText(line, NOTEBOOK_LINE_MAX_CHARS));
    if (cell.kind === 'code') return [`${comment} %%`, ...lines].join('\n');
    const commented = lines.map((line) => (line === '' ? comment : `${comment} ${line}`));
    return [`${comment} %% [${cell.kind}]`, ...commented].join('\n');
  });
  return parts.join('\n\n') + '\n';
}

/** `[3] ## Loading data` for markdown headings, `[4] import pandas as pd` for code cells. */
function outlineOf(cells: readonly Cell[]): string {
  const lines: string[] = [];
  cells.forEach((cell, index) => {
    if (cell.kind === 'markdown') {
      for (const block of markdownBlocks(cell.lines)) {
        if (block.kind === 'heading') lines.push(`[${index + 1}] ${block.marker} ${block.title}`.trimEnd());
      }
    } else if (cell.kind === 'code') {
      const first = cell.lines.find((line) => line.trim() !== '');
      if (first !== undefined) lines.push(`[${index + 1}] ${truncateText(first.trim(), NOTEBOOK_LINE_MAX_CHARS)}`);
    }
  });
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}

/** nbformat 3 heading cells carry their level (1–6) separately from the text. */
function headingLevel(cell: Readonly<Record<string, unknown>>): number {
  const level = Number(cell['level']);
  return Number.isInteger(level) && level >= 1 && level <= 6 ? level : 1;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  const isRecord = value !== null && typeof value === 'object' && !Array.isArray(value);
  return isRecord ? (value as Record<string, unknown>) : undefined;
}
