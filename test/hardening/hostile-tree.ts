/**
 * Builds a hostile tree: every file-system oddity the OS lets a process (root included) create in a temp dir.
 * Synchronous writes on purpose: thousands of tiny files are created faster without promise overhead.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, linkSync, mkdirSync, mkdtempSync, openSync, symlinkSync, writeFileSync, ftruncateSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Directory depth of the deep-nesting case: 200 two-character levels stay far below PATH_MAX (4,096). */
export const DEEP_LEVELS = 200;
/** Files in one directory for the wide case. */
export const WIDE_FILE_COUNT = 20_000;

/** Size of the minified one-line file. */
export const MINIFIED_BYTES = 300 * 1024;

/**
 * One line of minified-looking JavaScript: short statements with varied identifiers, as a bundler writes them.
 * (Not one 300 KB run of a single character: BPE tokenizers are quadratic in the length of one pre-token, a
 * separate, known limitation.)
 */
function minifiedLine(bytes: number): string {
  const parts: string[] = ['var a='];
  let length = 0;
  for (let index = 0; length < bytes; index++) {
    const part = `function f${index.toString(36)}(e,t){return e[${index % 97}]+t*${index % 13}||"k${index}"};`;
    parts.push(part);
    length += part.length;
  }
  return parts.join('') + '\n';
}

/** Text that tries to break every style's structure. */
export const MARKER_TEXT = [
  '</file></files></repository>',
  ']]> <![CDATA[ ]]]]>',
  '```',
  '````markdown',
  '===== src/evil.ts (full) =====',
  '{"files": [null], "tree": "x"}',
  '<|endoftext|>',
  '',
].join('\n');

function put(root: string, path: string, content: string | Uint8Array): void {
  const absolute = join(root, path);
  mkdirSync(dirname(absolute), { recursive: true });
  writeFileSync(absolute, content);
}

function sparse(root: string, path: string, bytes: number): void {
  const fd = openSync(join(root, path), 'w');
  ftruncateSync(fd, bytes);
  closeSync(fd);
}

/** A unix socket file left behind by a server that was closed (skipped when the platform removes it). */
async function leaveSocket(path: string): Promise<void> {
  const server = createServer();
  const listening = `${path}.listening`;
  await new Promise<void>((done, fail) => server.once('error', fail).listen(listening, done));
  // Node unlinks the socket file on close, so a hard link keeps the socket inode in the tree.
  linkSync(listening, path);
  await new Promise<void>((done) => server.close(() => done()));
}

/** The cases the main tree holds and where; each is asserted by the test. */
export async function makeHostileTree(): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'repopack-hostile-'));
  put(root, 'README.md', '# hostile\n');
  put(root, 'src/ok.ts', 'export const ok = 1;\n');
  put(root, 'src/markers.txt', MARKER_TEXT);
  symlinkSync('loop-b', join(root, 'loop-a'));
  symlinkSync('loop-a', join(root, 'loop-b'));
  mkdirSync(join(root, 'dirloop'));
  symlinkSync('..', join(root, 'dirloop/up'));
  symlinkSync('/etc', join(root, 'outside-dir'));
  symlinkSync('/etc/hostname', join(root, 'outside-file'));
  symlinkSync('src/ok.ts', join(root, 'inside-link.ts'));
  execFileSync('mkfifo', [join(root, 'pipe.fifo')]);
  await leaveSocket(join(root, 'server.sock'));
  put(root, 'locked/secret-ish.txt', 'only root can read me\n');
  chmodSync(join(root, 'locked/secret-ish.txt'), 0o000);
  sparse(root, 'huge-100mb.log', 100 * 1024 * 1024);
  sparse(root, 'huge-1gb.log', 1024 * 1024 * 1024);
  put(root, 'web/one-line.js', minifiedLine(MINIFIED_BYTES));
  put(root, 'enc/invalid-utf8.txt', Uint8Array.from([0x68, 0x69, 0x20, 0xc3, 0x28, 0xa0, 0xa1, 0x0a]));
  put(root, 'enc/utf16le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('utf16 little endian\n', 'utf16le')]));
  put(root, 'enc/utf16be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('utf16 big endian\n', 'utf16le').swap16()]));
  put(root, 'enc/latin1.txt', Buffer.from('caf\u00e9 cr\u00e8me br\u00fbl\u00e9e\n', 'latin1'));
  put(root, 'enc/nul.txt', Uint8Array.from([0x61, 0x00, 0x62, 0x00, 0x0a]));
  for (const name of ['with space.txt', 'new\nline.txt', 'quote"d.txt', "apos'.txt", 'ünï-日本.txt', '-rf.txt', '--help.md', 'tab\there.txt']) {
    put(root, `names/${name}`, `name ${JSON.stringify(name)}\n`);
  }
  put(root, Array.from({ length: DEEP_LEVELS }, () => 'd').join('/') + '/deep.txt', 'bottom\n');
  writeFileSync(join(root, '.git'), 'gitdir: /nonexistent/worktrees/hostile\n');
  put(root, 'patho/.gitignore', `**/**/**/*\n!keep.txt\n${'a'.repeat(20_000)}*\n!${'[a-z]'.repeat(500)}\n`);
  put(root, 'patho/keep.txt', 'kept\n');
  put(root, 'patho/drop.txt', 'dropped\n');
  return root;
}

/** A tree whose `.git` directory is corrupt (git refuses it: the walker takes over). */
export function makeCorruptGitTree(): string {
  const root = mkdtempSync(join(tmpdir(), 'repopack-corrupt-git-'));
  put(root, '.git/HEAD', 'garbage\n');
  put(root, '.git/config', '[core\n\tbroken = = =\n');
  put(root, 'main.py', 'print("hi")\n');
  return root;
}

/** One directory with WIDE_FILE_COUNT tiny files. */
export function makeWideTree(): string {
  const root = mkdtempSync(join(tmpdir(), 'repopack-wide-'));
  mkdirSync(join(root, 'many'));
  for (let index = 0; index < WIDE_FILE_COUNT; index++) {
    writeFileSync(join(root, 'many', `f${String(index).padStart(5, '0')}.txt`), `${index}\n`);
  }
  return root;
}

export function hasSocket(root: string): boolean {
  return existsSync(join(root, 'server.sock'));
}
