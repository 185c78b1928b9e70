import { summarizeDocument, type Summary } from '../../src/represent/summarize.js';

function level(summaries: readonly Summary[], name: Summary['level']): Summary {
  const found = summaries.find((summary) => summary.level === name);
  if (!found) throw new Error(`no ${name} in ${JSON.stringify(summaries.map((summary) => summary.level))}`);
  return found;
}

const PNG = 'iVBORw0KGgo'.repeat(400);
const NOTEBOOK = {
  nbformat: 4,
  nbformat_minor: 5,
  metadata: { kernelspec: { name: 'python3', language: 'python', display_name: 'Python 3' } },
  cells: [
    { cell_type: 'markdown', metadata: {}, source: ['# Sales analysis\n', '\n', 'Loads the data.\n', '```python\n', '# not a heading\n', '```'] },
    {
      cell_type: 'code',
      execution_count: 1,
      metadata: {},
      source: ['\n', 'import pandas as pd\n', 'df = pd.read_csv("sales.csv")'],
      outputs: [{ output_type: 'stream', name: 'stdout', text: ['OUTPUT-TEXT-LINE\n'.repeat(200)] }],
    },
    { cell_type: 'markdown', metadata: {}, source: '## Plot' },
    {
      cell_type: 'code',
      execution_count: 2,
      metadata: {},
      source: 'df.plot()',
      outputs: [{ output_type: 'display_data', data: { 'image/png': PNG, 'text/plain': ['<Figure>'] }, metadata: {} }],
    },
    { cell_type: 'raw', metadata: {}, source: ['raw text'] },
  ],
};
const TEXT = JSON.stringify(NOTEBOOK, null, 1);

describe('summarizeDocument on Jupyter notebooks', () => {
  const summaries = summarizeDocument('analysis.ipynb', 'jupyter', TEXT);

  it('renders cells in percent format without outputs', () => {
    expect(level(summaries, 'skeleton').text).toBe(
      [
        '# %% [markdown]',
        '# # Sales analysis',
        '#',
        '# Loads the data.',
        '# ```python',
        '# # not a heading',
        '# ```',
        '',
        '# %%',
        '',
        'import pandas as pd',
        'df = pd.read_csv("sales.csv")',
        '',
        '# %% [markdown]',
        '# ## Plot',
        '',
        '# %%',
        'df.plot()',
        '',
        '# %% [raw]',
        '# raw text',
        '',
      ].join('\n'),
    );
    expect(level(summaries, 'skeleton').note).toBe('2 code cells, 2 markdown cells, 1 raw cell, outputs dropped');
    for (const summary of summaries) {
      expect(summary.text).not.toContain('OUTPUT-TEXT-LINE');
      expect(summary.text).not.toContain('iVBORw0KGgo');
    }
  });

  it('outlines markdown headings (not fenced ones) and the first line of each code cell', () => {
    expect(level(summaries, 'outline').text).toBe('[1] # Sales analysis\n[2] import pandas as pd\n[3] ## Plot\n[4] df.plot()\n');
  });

  it('uses the kernel language comment prefix', () => {
    const csharp = { ...NOTEBOOK, metadata: { kernelspec: { language: 'C#' } } };
    expect(level(summarizeDocument('a.ipynb', 'jupyter', JSON.stringify(csharp)), 'skeleton').text.startsWith('// %% [markdown]\n// # Sales')).toBe(true);
  });

  it('returns nothing for invalid JSON, JSON that is not a notebook, or a notebook without cells', () => {
    expect(summarizeDocument('a.ipynb', 'jupyter', TEXT.slice(0, -10))).toEqual([]);
    expect(summarizeDocument('a.ipynb', 'jupyter', JSON.stringify({ cells: 'nope', pad: 'x'.repeat(100) }))).toEqual([]);
    expect(summarizeDocument('a.ipynb', 'jupyter', JSON.stringify({ cells: [{ cell_type: 'code', source: 42 }] }))).toEqual([]);
    expect(summarizeDocument('a.ipynb', 'jupyter', JSON.stringify({ cells: [], metadata: { pad: 'x'.repeat(100) } }))).toEqual([]);
  });
});
