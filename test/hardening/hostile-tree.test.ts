import { chmodSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pack } from '../../src/pack.js';
import type { SkipReason } from '../../src/shared/types.js';
import { readMarkdownBlocks, readPlainBlocks, readXmlBundle } from '../render/bundle-readers.js';
import { runCli } from '../helpers/run-cli.js';
import { DEEP_LEVELS, MARKER_TEXT, WIDE_FILE_COUNT, hasSocket, makeCorruptGitTree, makeHostileTree, makeWideTree } from './hostile-tree.js';

const STYLES = ['xml', 'json', 'markdown', 'plain'] as const;
const DEEP_PATH = Array.from({ length: DEEP_LEVELS }, () => 'd').join('/') + '/deep.txt';
const isRoot = process.getuid?.() === 0;

let root: string;
beforeAll(async () => {
  root = await makeHostileTree();
});
afterAll(() => {
  chmodSync(join(root, 'locked/secret-ish.txt'), 0o644);
  rmSync(root, { recursive: true, force: true });
});

/** Skip reason expected for each hostile entry (paths relative to the root). */
const EXPECTED_SKIPS: Readonly<Record<string, SkipReason>> = {
  'loop-a': 'symlink-loop',
  'loop-b': 'symlink-loop',
  'dirloop/up': 'symlink-loop',
  'outside-dir': 'symlink-outside-root',
  'outside-file': 'symlink-outside-root',
  'pipe.fifo': 'not-a-regular-file',
  'huge-100mb.log': 'too-large',
  'huge-1gb.log': 'too-large',
  'enc/nul.txt': 'binary',
};

/** Files that must be packed, with a piece of their decoded text. */
const EXPECTED_FILES: Readonly<Record<string, string>> = {
  'README.md': '# hostile',
  'inside-link.ts': 'export const ok',
  'web/one-line.js': 'var a=',
  'enc/utf16le.txt': 'utf16 little endian',
  'enc/utf16be.txt': 'utf16 big endian',
  'enc/latin1.txt': 'café crème brûlée',
  'enc/invalid-utf8.txt': 'hi ',
  'names/with space.txt': 'with space',
  'names/new\nline.txt': 'new\\nline',
  'names/quote"d.txt': 'quote\\"d',
  "names/apos'.txt": "apos'",
  'names/ünï-日本.txt': 'ünï-日本',
  'names/-rf.txt': '-rf',
  'names/--help.md': '--help',
  'names/tab\there.txt': 'tab\\there',
  [DEEP_PATH]: 'bottom',
  'patho/keep.txt': 'kept',
  'src/markers.txt': '</file>',
};

describe('hostile tree', () => {
  it('library: every case gets its skip reason or is packed with the right text', async () => {
    const { report, bundle } = await pack({ root, budget: 1_000_000, style: 'json' });
    const reasons = new Map(report.skipped.map((skipped) => [skipped.path, skipped.reason]));
    for (const [path, reason] of Object.entries(EXPECTED_SKIPS)) expect([path, reasons.get(path)]).toEqual([path, reason]);
    if (hasSocket(root)) expect(reasons.get('server.sock')).toBe('not-a-regular-file');
    // Root reads a mode-000 file anyway; anyone else gets `unreadable`.
    expect(reasons.get('locked/secret-ish.txt')).toBe(isRoot ? undefined : 'unreadable');
    const parsed = JSON.parse(bundle) as { files: ({ path: string; content: string } | null)[] };
    const contents = new Map(parsed.files.filter((file) => file !== null).map((file) => [file!.path, file!.content]));
    for (const [path, piece] of Object.entries(EXPECTED_FILES)) {
      const content = contents.get(path) ?? '';
      expect([path, content.includes(piece) || JSON.stringify(content).includes(piece)]).toEqual([path, true]);
    }
    expect(contents.get('src/markers.txt')).toBe(MARKER_TEXT);
    expect(contents.has('patho/drop.txt')).toBe(false);
    expect([...contents.keys()].some((path) => path.startsWith('.git'))).toBe(false);
  });

  it.each(STYLES)('CLI --style %s: exit 0 and a bundle its reader parses, markers intact', async (style) => {
    const run = await runCli([root, '--style', style, '--budget', '1M']);
    expect(run.stderr).not.toMatch(/error:/);
    expect(run.code).toBe(0);
    const marked = `${MARKER_TEXT}`;
    switch (style) {
      case 'xml': {
        const files = readXmlBundle(run.stdout).files;
        expect(files.find((file) => file.path === 'src/markers.txt')?.content).toBe(marked);
        expect(files.some((file) => file.path === 'names/new\nline.txt' || file.path.includes('line.txt'))).toBe(true);
        break;
      }
      case 'json': {
        const parsed = JSON.parse(run.stdout) as { files: ({ path: string; content: string } | null)[] };
        expect(parsed.files.find((file) => file?.path === 'src/markers.txt')?.content).toBe(marked);
        break;
      }
      case 'markdown':
        expect(readMarkdownBlocks(run.stdout).some((block) => block.content === marked)).toBe(true);
        break;
      case 'plain':
        expect(readPlainBlocks(run.stdout).some((block) => block.content === marked)).toBe(true);
        break;
    }
  });

  it('a corrupt .git directory: git refuses it, the tree is walked, exit 0', async () => {
    const corrupt = makeCorruptGitTree();
    try {
      const run = await runCli([corrupt, '--style', 'json']);
      expect(run.code).toBe(0);
      const parsed = JSON.parse(run.stdout) as { files: ({ path: string } | null)[] };
      expect(parsed.files.filter((file) => file !== null).map((file) => file!.path)).toEqual(['main.py']);
    } finally {
      rmSync(corrupt, { recursive: true, force: true });
    }
  });

  it(`${WIDE_FILE_COUNT.toLocaleString('en')} files in one directory: exit 0, valid JSON, all counted`, async () => {
    const wide = makeWideTree();
    try {
      const run = await runCli([wide, '--style', 'json', '--budget', '32k']);
      expect(run.code).toBe(0);
      const parsed = JSON.parse(run.stdout) as { repopack: Record<string, unknown> };
      expect(JSON.stringify(parsed.repopack)).toContain('20,000');
    } finally {
      rmSync(wide, { recursive: true, force: true });
    }
  });
});
