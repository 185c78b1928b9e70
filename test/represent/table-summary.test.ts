import { summarizeDocument } from '../../src/represent/summarize.js';

function csvRows(count: number): string {
  const rows = ['id,name,comment,amount'];
  for (let index = 1; index <= count; index++) rows.push(`${index},name ${index},"says ""hi"", twice",${index * 3}.5`);
  return rows.join('\n') + '\n';
}

describe('summarizeDocument on CSV and TSV', () => {
  it('keeps the header and first 5 rows and counts the rest (1,000 rows)', () => {
    const text = csvRows(1000);
    const summaries = summarizeDocument('data/orders.csv', 'csv', text);
    expect(summaries).toHaveLength(1);
    const [skeleton] = summaries;
    expect(skeleton?.level).toBe('skeleton');
    expect(skeleton?.note).toBe('header and first 5 of 1,000 rows');
    const lines = skeleton?.text.split('\n') ?? [];
    expect(lines.slice(0, 6)).toEqual(text.split('\n').slice(0, 6));
    expect(lines[6]).toBe('… 995 more rows (4 columns)');
    expect(lines).toHaveLength(8);
  });

  it('keeps line breaks inside quoted fields within one row', () => {
    const rows = ['id,text', '1,"first line', 'second line"', ...Array.from({ length: 20 }, (_, index) => `${index + 2},plain`)];
    const text = rows.join('\r\n');
    const [skeleton] = summarizeDocument('notes.csv', 'csv', text);
    expect(skeleton?.text.split('\n').slice(0, 3)).toEqual(['id,text', '1,"first line', 'second line"']);
    expect(skeleton?.text).toContain('… 16 more rows (2 columns)');
    expect(skeleton?.note).toBe('header and first 5 of 21 rows');
  });

  it('splits TSV on tabs and does not treat quotes specially', () => {
    const rows = ['a\tb\tc', '5" disk\tx\ty', ...Array.from({ length: 10 }, (_, index) => `${index}\t${index}\t${index}`)];
    const [skeleton] = summarizeDocument('t.tsv', 'tsv', rows.join('\n'));
    expect(skeleton?.text.split('\n')[6]).toBe('… 6 more rows (3 columns)');
  });

  it('returns nothing when the table is too small to shrink, or empty', () => {
    expect(summarizeDocument('small.csv', 'csv', csvRows(5))).toEqual([]);
    expect(summarizeDocument('empty.csv', 'csv', '')).toEqual([]);
  });
});
