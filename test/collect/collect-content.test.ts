import { execFile } from 'node:child_process';
import { chmod, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type TempRepo, makeRepo } from '../helpers/make-repo.js';
import { collect, filePaths, isolateGitConfig, skipSummary } from './collect-test-kit.js';

isolateGitConfig();

let repo: TempRepo;
afterEach(() => repo.cleanup());

/** Bytes 1–255 from a fixed linear congruential sequence: noise with no NUL, so only the UTF-8 check can reject it. */
function noiseWithoutNul(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = 12345;
  for (let index = 0; index < length; index++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    bytes[index] = 1 + (state % 255);
  }
  return bytes;
}

function utf16(text: string, endianness: 'le' | 'be'): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  if (endianness === 'be') body.swap16();
  const bom = endianness === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
  return Buffer.concat([Buffer.from(bom), body]);
}

describe('collectFiles file content', () => {
  it('decodes UTF-8, strips its BOM, keeps CRLF, and records language and kind', async () => {
    repo = await makeRepo({
      'bom.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('# Title\r\n')]),
      'src/main.py': 'print("héllo")\n',
      'Dockerfile': 'FROM node\n',
      'empty.txt': '',
    });
    const { files, skipped, warnings } = await collect(repo.root);
    expect(files).toEqual([
      { path: 'Dockerfile', bytes: 10, language: 'dockerfile', kind: 'config', encoding: 'utf8', text: 'FROM node\n' },
      { path: 'bom.md', bytes: 12, language: 'markdown', kind: 'doc', encoding: 'utf8', text: '# Title\r\n' },
      { path: 'empty.txt', bytes: 0, language: 'text', kind: 'doc', encoding: 'utf8', text: '' },
      { path: 'src/main.py', bytes: 16, language: 'python', kind: 'code', encoding: 'utf8', text: 'print("héllo")\n' },
    ]);
    expect(skipped).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('skips binaries by extension without reading and by a NUL byte after reading', async () => {
    repo = await makeRepo({
      'logo.PNG': 'plain text, but the extension decides\n',
      'data.bin.txt': Buffer.from([0x41, 0x00, 0x42, 0x0a]),
      'app.wasm': Buffer.from([0x00, 0x61, 0x73, 0x6d]),
    });
    const collection = await collect(repo.root);
    expect(collection.files).toEqual([]);
    expect(collection.skipped).toEqual([
      { path: 'app.wasm', reason: 'binary', detail: 'binary file extension' },
      { path: 'data.bin.txt', reason: 'binary', detail: 'NUL byte in the first 8000 bytes' },
      { path: 'logo.PNG', reason: 'binary', detail: 'binary file extension' },
    ]);
  });

  it('decodes UTF-16 little- and big-endian files that start with a BOM', async () => {
    repo = await makeRepo({ 'le.txt': utf16('Grüße\r\nwörld\n', 'le'), 'be.txt': utf16('Grüße 🌍\n', 'be') });
    const { files, skipped } = await collect(repo.root);
    expect(files.map((file) => [file.path, file.encoding, file.text])).toEqual([
      ['be.txt', 'utf16be', 'Grüße 🌍\n'],
      ['le.txt', 'utf16le', 'Grüße\r\nwörld\n'],
    ]);
    expect(skipped).toEqual([]);
  });

  it('decodes Latin-1 / Windows-1252 text with a warning', async () => {
    const latin1 = Buffer.from('Caf\xe9 cr\xe8me, na\xefve\n', 'latin1');
    const smartQuotes = Buffer.from([0x93, 0x48, 0x69, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35, 0x0a]);
    repo = await makeRepo({ 'menu.txt': latin1, 'quote.txt': smartQuotes });
    const collection = await collect(repo.root);
    expect(collection.files.map((file) => [file.path, file.encoding, file.text])).toEqual([
      ['menu.txt', 'latin1', 'Café crème, naïve\n'],
      ['quote.txt', 'latin1', '“Hi” – €5\n'],
    ]);
    expect(collection.warnings).toEqual([
      'menu.txt: not valid UTF-8, decoded as Latin-1',
      'quote.txt: not valid UTF-8, decoded as Latin-1',
    ]);
  });

  it('rejects bytes that are neither UTF-8 nor plausible Latin-1 as invalid-utf8', async () => {
    repo = await makeRepo({ 'noise.txt': noiseWithoutNul(4096) });
    const collection = await collect(repo.root);
    expect(collection.files).toEqual([]);
    expect(skipSummary(collection)).toEqual(['noise.txt: invalid-utf8']);
    expect(collection.warnings).toEqual([]);
  });

  it('skips files over the limit before reading them, with a readable detail', async () => {
    repo = await makeRepo({ 'small.ts': 'ok\n', 'big.ts': 'x'.repeat(2_300_000), 'edge.ts': 'y'.repeat(1_000_001) });
    // A sparse 5 GB file: reading it would fail (Node cannot buffer it), so `too-large` proves it was never read.
    await repo.write('huge.txt', '');
    await truncate(join(repo.root, 'huge.txt'), 5_000_000_000);
    const collection = await collect(repo.root, { maxFileBytes: 1_000_000 });
    expect(filePaths(collection)).toEqual(['small.ts']);
    expect(collection.skipped).toEqual([
      { path: 'big.ts', reason: 'too-large', detail: '2.3 MB > 1 MB limit' },
      { path: 'edge.ts', reason: 'too-large', detail: '1,000,001 bytes > 1,000,000 bytes limit' },
      { path: 'huge.txt', reason: 'too-large', detail: '5 GB > 1 MB limit' },
    ]);
  });

  it('skips a named pipe without opening it (opening would block)', async () => {
    repo = await makeRepo({ 'a.ts': 'a\n' }, { git: false });
    await promisify(execFile)('mkfifo', [join(repo.root, 'pipe.txt')]);
    const collection = await collect(repo.root);
    expect(filePaths(collection)).toEqual(['a.ts']);
    expect(collection.skipped).toEqual([{ path: 'pipe.txt', reason: 'not-a-regular-file', detail: 'named pipe (FIFO)' }]);
  });

  // Permission bits do not stop root from reading, so under root (as in many CI containers) there is no way to make
  // a read fail with EACCES from a test; the case only runs for ordinary users.
  const itUnlessRoot = process.getuid?.() === 0 ? it.skip : it;
  itUnlessRoot('reports a file it may not read as unreadable and goes on', async () => {
    repo = await makeRepo({ 'a.ts': 'a\n', 'locked.ts': 'secret\n' });
    await chmod(join(repo.root, 'locked.ts'), 0o000);
    try {
      const collection = await collect(repo.root);
      expect(filePaths(collection)).toEqual(['a.ts']);
      expect(collection.skipped).toEqual([{ path: 'locked.ts', reason: 'unreadable', detail: 'could not be read (EACCES)' }]);
    } finally {
      await chmod(join(repo.root, 'locked.ts'), 0o644);
    }
  });
});
