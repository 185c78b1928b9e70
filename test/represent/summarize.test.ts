import { summarizeDocument } from '../../src/represent/summarize.js';
import { mulberry32 } from '../helpers/prng.js';

const FRAGMENTS = [
  '# Title', '## Sub', '```', '~~~', '---', '===', 'text line', '', '    indented', '- item', '  - nested', 'key: value',
  'key:', '  child: 1', '    deep: |', '[table]', '[[array]]', 'list = [', ']', '"""', 'a,b,"c', '{"a": [1, 2', '}',
  '.. note::', 'Title', '-----', '= Doc', '== Sec', '----', '\t', '"', 'x'.repeat(500), '😀'.repeat(300),
];
const LANGUAGES = ['markdown', 'rst', 'asciidoc', 'json', 'yaml', 'toml', 'ini', 'csv', 'tsv', 'jupyter'];

describe('summarizeDocument on arbitrary input', () => {
  it('never throws, returns views richest first, each strictly shorter than the one before, deterministically', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const next = mulberry32(seed);
      const lines = Array.from({ length: Math.floor(next() * 80) }, () => FRAGMENTS[Math.floor(next() * FRAGMENTS.length)] ?? '');
      const text = lines.join(next() < 0.5 ? '\n' : '\r\n');
      for (const language of LANGUAGES) {
        const summaries = summarizeDocument('file', language, text);
        let bound = text.length;
        for (const summary of summaries) {
          expect(summary.text.length).toBeLessThan(bound);
          expect(summary.text.trim()).not.toBe('');
          expect(summary.note).not.toBe('');
          bound = summary.text.length;
        }
        const levels = summaries.map((summary) => summary.level);
        expect(levels).toEqual(['skeleton', 'outline'].filter((level) => levels.includes(level as 'skeleton')));
        expect(summarizeDocument('file', language, text)).toEqual(summaries);
      }
    }
  });

  it('never splits a surrogate pair when cutting', () => {
    const text = `# Emoji\n\n${'😀'.repeat(1000)}\n\n## Next\n`;
    const [skeleton] = summarizeDocument('a.md', 'markdown', text);
    expect(skeleton?.text).toBeDefined();
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(skeleton?.text ?? '')).toBe(false);
    expect(skeleton?.text).toContain('…');
  });

  it('returns nothing for languages without document views', () => {
    expect(summarizeDocument('Dockerfile', 'dockerfile', 'FROM node\n'.repeat(100))).toEqual([]);
    expect(summarizeDocument('unknown.xyz', undefined, '# x\n'.repeat(100))).toEqual([]);
  });
});
