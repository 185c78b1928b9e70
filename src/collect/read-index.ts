/**
 * Files as the git index holds them (the staged content, what the next commit records), for `repopack snapshot`.
 * Listing is `git ls-files -s -z`; contents come from one `git cat-file --batch` process, never from the work tree.
 */
import { createGitRunner, streamGit } from '../git/index.js';
import { detectLanguage } from '../shared/languages.js';
import type { SkippedFile, SourceFile } from '../shared/types.js';
import { hasBinaryExtension } from './binary-extensions.js';
import { type BatchObject, BatchParser } from './blob-stream.js';
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
  if (toRead.length > 0) {
    // Decoded as each blob arrives: the batch output of a large index is never held whole.
    const parser = new BatchParser(maxFileBytes, (index, object) => {
      const entry = toRead[index];
      if (entry !== undefined) outcomes.set(entry.path, decodeObject(entry.path, object, maxFileBytes));
    });
    await streamGit(root, ['cat-file', '--batch'], toRead.map((entry) => `${entry.hash}\n`).join(''), (chunk) => parser.push(chunk));
  }
  return entries.map((entry) => outcomes.get(entry.path) ?? skip(entry.path, 'unreadable', 'blob missing from the object store'));
}

function decodeObject(path: string, object: BatchObject, maxFileBytes: number): ReadOutcome {
  if (object.kind === 'missing') return skip(path, 'unreadable', 'blob missing from the object store');
  if (object.kind === 'too-large') return skip(path, 'too-large', `${object.size} bytes > ${maxFileBytes} bytes limit`);
  const bytes = object.bytes;
  const decoded = decodeText(bytes);
  if (!decoded.ok) return skip(path, decoded.reason, decoded.detail);
  const file: SourceFile = { path, bytes: bytes.length, ...detectLanguage(path), encoding: decoded.encoding, text: decoded.text };
  if (decoded.encoding !== 'latin1') return { kind: 'file', file };
  return { kind: 'file', file, warning: `${path}: not valid UTF-8, decoded as Latin-1` };
}

function skip(path: string, reason: SkippedFile['reason'], detail: string): ReadOutcome {
  return { kind: 'skipped', skipped: { path, reason, detail } };
}
