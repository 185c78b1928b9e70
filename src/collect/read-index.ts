/**
 * Files as the git index holds them (the staged content, what the next commit records), for `repopack snapshot`.
 * Listing is `git ls-files -s -z`; contents come from one `git cat-file --batch` process, never from the work tree.
 */
import { createGitRunner } from '../git/index.js';
import { detectLanguage } from '../shared/languages.js';
import type { SkippedFile, SourceFile } from '../shared/types.js';
import { hasBinaryExtension } from './binary-extensions.js';
import { decodeText } from './decode-text.js';
import type { ReadOutcome } from './read-candidate.js';

/** One stage-0 entry of the index. */
export interface IndexEntry {
  readonly path: string;
  /** Octal mode: `100644`, `100755`, `120000` (symlink), `160000` (submodule). */
  readonly mode: string;
  readonly hash: string;
}

/** Stage-0 entries under the root (paths relative to it); conflicted paths use the "ours" stage (2). */
export async function listIndexEntries(root: string): Promise<IndexEntry[]> {
  const output = await createGitRunner(root).text(['ls-files', '-z', '--stage', '--cached']);
  const byPath = new Map<string, IndexEntry & { stage: string }>();
  for (const record of output.split('\0')) {
    const match = /^(\d+) ([0-9a-f]+) (\d)\t(.+)$/s.exec(record);
    if (!match) continue;
    const [, mode = '', hash = '', stage = '0', path = ''] = match;
    const known = byPath.get(path);
    if (known === undefined || stage === '0' || (stage === '2' && known.stage !== '0')) byPath.set(path, { path, mode, hash, stage });
  }
  return [...byPath.values()].map(({ path, mode, hash }) => ({ path, mode, hash }));
}

/**
 * Reads the blobs of `entries` in one `git cat-file --batch` and decodes them like work-tree files. Symlinks and
 * submodules are skipped as not regular files; binary extensions are skipped unread.
 */
export async function readIndexEntries(root: string, entries: readonly IndexEntry[], maxFileBytes: number): Promise<ReadOutcome[]> {
  const outcomes = new Map<string, ReadOutcome>();
  const toRead: IndexEntry[] = [];
  for (const entry of entries) {
    if (entry.mode === '160000') outcomes.set(entry.path, skip(entry.path, 'not-a-regular-file', 'git submodule'));
    else if (entry.mode === '120000') outcomes.set(entry.path, skip(entry.path, 'not-a-regular-file', 'symbolic link (staged)'));
    else if (hasBinaryExtension(entry.path)) outcomes.set(entry.path, skip(entry.path, 'binary', 'binary file extension'));
    else toRead.push(entry);
  }
  const blobs = toRead.length === 0 ? [] : await catBlobs(root, toRead.map((entry) => entry.hash));
  toRead.forEach((entry, index) => outcomes.set(entry.path, decodeEntry(entry.path, blobs[index], maxFileBytes)));
  return entries.map((entry) => outcomes.get(entry.path)!);
}

function decodeEntry(path: string, bytes: Uint8Array | undefined, maxFileBytes: number): ReadOutcome {
  if (bytes === undefined) return skip(path, 'unreadable', 'blob missing from the object store');
  if (bytes.length > maxFileBytes) return skip(path, 'too-large', `${bytes.length} bytes > ${maxFileBytes} bytes limit`);
  const decoded = decodeText(bytes);
  if (!decoded.ok) return skip(path, decoded.reason, decoded.detail);
  const file: SourceFile = { path, bytes: bytes.length, ...detectLanguage(path), encoding: decoded.encoding, text: decoded.text };
  if (decoded.encoding !== 'latin1') return { kind: 'file', file };
  return { kind: 'file', file, warning: `${path}: not valid UTF-8, decoded as Latin-1` };
}

/** Blob contents in the order of `hashes`; undefined for an object git reports missing. */
async function catBlobs(root: string, hashes: readonly string[]): Promise<(Uint8Array | undefined)[]> {
  const output = await createGitRunner(root).bytes(['cat-file', '--batch'], { input: hashes.map((hash) => `${hash}\n`).join('') });
  const blobs: (Uint8Array | undefined)[] = [];
  let offset = 0;
  for (let index = 0; index < hashes.length; index++) {
    const lineEnd = output.indexOf(10, offset);
    const header = output.toString('utf8', offset, lineEnd);
    const match = /^[0-9a-f]+ \S+ (\d+)$/.exec(header);
    if (!match) {
      // `<hash> missing`: no content follows.
      blobs.push(undefined);
      offset = lineEnd + 1;
      continue;
    }
    const size = Number(match[1]);
    blobs.push(output.subarray(lineEnd + 1, lineEnd + 1 + size));
    offset = lineEnd + 1 + size + 1;
  }
  return blobs;
}

function skip(path: string, reason: SkippedFile['reason'], detail: string): ReadOutcome {
  return { kind: 'skipped', skipped: { path, reason, detail } };
}
