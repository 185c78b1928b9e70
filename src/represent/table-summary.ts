/** CSV and TSV → `skeleton`: the header, the first rows, and how many rows and columns the rest holds. Pure. */
import { CUT_MARK, type Summary, countOf, formatCount, truncateText } from './summary-text.js';

/** Rows kept after the header: enough to see the value formats of every column. */
export const TABLE_SAMPLE_ROWS = 5;
/** Longest row kept, in characters; a row with a free-text column can be a page long. */
export const TABLE_ROW_MAX_CHARS = 400;

/** Field separator of a delimited text table. */
export type TableDelimiter = ',' | '\t';

/** Skeleton of a delimited table (no outline: a header alone says less than the skeleton and is rarely cheaper). */
export function summarizeTable(delimiter: TableDelimiter, text: string): Summary[] {
  const table = scanRecords(text, delimiter, TABLE_SAMPLE_ROWS + 1);
  const header = table.kept[0];
  if (header === undefined) return [];
  const rows = table.total - 1;
  const kept = table.kept.map((record) => truncateText(record, TABLE_ROW_MAX_CHARS));
  const rest = rows - (kept.length - 1);
  const columns = countOf(countFields(header, delimiter), 'column');
  if (rest > 0) kept.push(`${CUT_MARK} ${countOf(rest, 'more row')} (${columns})`);
  const note = `header and first ${formatCount(Math.min(rows, TABLE_SAMPLE_ROWS))} of ${countOf(rows, 'row')}`;
  return [{ level: 'skeleton', text: kept.join('\n') + '\n', note }];
}

interface Records {
  /** The first records' text, line breaks inside quoted fields kept. */
  readonly kept: readonly string[];
  /** Number of non-blank records in the whole text. */
  readonly total: number;
}

/**
 * Splits `text` into records at line breaks outside quoted fields (RFC 4180). A quote opens a quoted field only at
 * the start of a field, so `5" floppy` stays plain text; TSV has no quoting at all.
 */
function scanRecords(text: string, delimiter: TableDelimiter, keep: number): Records {
  const kept: string[] = [];
  let total = 0;
  let start = 0;
  let inQuotes = false;
  let atFieldStart = true;
  const endRecord = (end: number): void => {
    const record = text.slice(start, end).replace(/\r$/, '').replace(/\r\n/g, '\n');
    if (record.trim() !== '') {
      total += 1;
      if (kept.length < keep) kept.push(record);
    }
    start = end + 1;
  };
  for (let index = 0; index < text.length; index++) {
    const char = text.charAt(index);
    if (inQuotes) {
      if (char === '"' && text.charAt(index + 1) === '"') index++;
      else if (char === '"') inQuotes = false;
    } else if (char === '"' && atFieldStart && delimiter === ',') {
      inQuotes = true;
      atFieldStart = false;
    } else if (char === '\n') {
      endRecord(index);
      atFieldStart = true;
    } else {
      atFieldStart = char === delimiter;
    }
  }
  if (start < text.length) endRecord(text.length);
  return { kept, total };
}

/** Number of fields in one record, quoted delimiters not counted. */
function countFields(record: string, delimiter: TableDelimiter): number {
  let fields = 1;
  let inQuotes = false;
  for (const char of record) {
    if (char === '"' && delimiter === ',') inQuotes = !inQuotes;
    else if (char === delimiter && !inQuotes) fields += 1;
  }
  return fields;
}
