import type { Stats } from 'node:fs';
import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import { detectLanguage } from '../shared/languages.js';
import type { SkippedFile, SkipReason, SourceFile } from '../shared/types.js';
import { hasBinaryExtension } from './binary-extensions.js';
import { decodeText } from './decode-text.js';
import { errorCode, isInside, toAbsolute } from './root-paths.js';

/**
 * Open flags for reading. O_NONBLOCK is a guard: should a regular file be swapped for a FIFO between `stat` and
 * `open`, the open returns at once instead of waiting for a writer. It changes nothing for regular files.
 */
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Where the platform has it (not on Windows), an open that refuses to follow a symbolic link: a regular file is then
 * checked on its open handle (fstat) instead of by an lstat before the open, one system call fewer per file (on a
 * 49k-file tree the lstats took a quarter of a second). A link fails that open and takes the checked path.
 */
const NO_FOLLOW_FLAGS = constants.O_NOFOLLOW === undefined ? undefined : READ_FLAGS | constants.O_NOFOLLOW;

// The file system is called synchronously on purpose. Measured on test262 (57k small files, page cache warm): lstat,
// open, read and close through fs/promises cost 3.4–4.2 s of CPU and 5–7 s wall; the same calls synchronous cost
// 0.6 s CPU and 1.5 s wall. Each promise call is a thread-pool round trip that costs more than the system call it
// wraps. A slow (network) disk would lose the overlap of reads in flight; local repositories are the common case.

/** Where candidates live and how strict to be about them. */
export interface ReadContext {
  readonly root: string;
  readonly realRoot: string;
  readonly maxFileBytes: number;
  /**
   * True when a candidate that does not exist at all should be dropped silently: git lists tracked files deleted from
   * the work tree, and those are not content. Otherwise a missing candidate is `vanished`.
   */
  readonly isMissingSilent: boolean;
  /** One buffer for the reads of a collect run (see `ReadScratch`); without it every file is read into its own. */
  readonly scratch?: ReadScratch;
}

/**
 * A buffer reused by every read of one collect run. A file's bytes are decoded into a string as soon as they are read
 * (nothing awaits in between), so they need not outlive the read: a buffer per file made ~180 MB of garbage outside
 * the heap on a 49k-file tree, and that garbage drove full collections.
 */
export interface ReadScratch {
  buffer: Buffer | undefined;
}

/** An empty scratch; its buffer grows to the largest file read. */
export function createReadScratch(): ReadScratch {
  return { buffer: undefined };
}

/** Smallest scratch buffer allocated: most source files are smaller, so it rarely grows. */
const MIN_SCRATCH_BYTES = 64 * 1024;

/** What became of one candidate path. */
export type ReadOutcome =
  | { readonly kind: 'file'; readonly file: SourceFile; readonly warning?: string }
  | { readonly kind: 'skipped'; readonly skipped: SkippedFile }
  | { readonly kind: 'absent' };

/**
 * Checks and reads one candidate: symlinks must resolve inside the root, only regular files are opened, binary
 * extensions and oversized files are never read, and the rest is read once and decoded.
 */
export async function readCandidate(context: ReadContext, path: string): Promise<ReadOutcome> {
  const absolute = toAbsolute(context.root, path);
  // A binary extension is skipped without a read, but only once the path is known to exist: the checked path.
  const direct = NO_FOLLOW_FLAGS === undefined || hasBinaryExtension(path) ? undefined : readRegularFile(context, path, absolute, NO_FOLLOW_FLAGS);
  if (direct !== undefined) return direct instanceof Uint8Array ? decodedFile(path, direct) : direct;
  const target = await statTarget(context, path, absolute);
  if (!('isFile' in target)) return target;
  if (!target.isFile()) return skip(path, 'not-a-regular-file', describeType(target));
  if (hasBinaryExtension(path)) return skip(path, 'binary', 'binary file extension');
  if (target.size > context.maxFileBytes) return skip(path, 'too-large', describeExcess(target.size, context));
  const bytes = await readBytes(context, path, absolute);
  return bytes instanceof Uint8Array ? decodedFile(path, bytes) : bytes;
}

/** The file from its bytes: decoded, its language detected; a Latin-1 fallback comes with a warning. */
function decodedFile(path: string, bytes: Uint8Array): ReadOutcome {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return skip(path, decoded.reason, decoded.detail);
  const file: SourceFile = { path, bytes: bytes.length, ...detectLanguage(path), encoding: decoded.encoding, text: decoded.text };
  if (decoded.encoding !== 'latin1') return { kind: 'file', file };
  return { kind: 'file', file, warning: `${path}: not valid UTF-8, decoded as Latin-1` };
}

/** `stat` of what the path designates, after checking where a symlink leads. */
async function statTarget(context: ReadContext, path: string, absolute: string): Promise<Stats | ReadOutcome> {
  let entry: Stats;
  try {
    entry = lstatSync(absolute);
  } catch (error) {
    if (isMissing(error) && context.isMissingSilent) return { kind: 'absent' };
    return skipForError(path, error);
  }
  if (!entry.isSymbolicLink()) return entry;
  let real: string;
  try {
    real = realpathSync(absolute);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ELOOP') return skip(path, 'symlink-loop', 'symbolic links resolve in a circle');
    if (code === 'ENOENT') return skip(path, 'unreadable', 'broken symbolic link');
    return skipForError(path, error);
  }
  if (!isInside(context.realRoot, real)) return skip(path, 'symlink-outside-root', `points to ${real}`);
  try {
    return statSync(real);
  } catch (error) {
    return skipForError(path, error);
  }
}

/**
 * The bytes of a regular file opened without following links, checked on the open handle; an outcome when it is too
 * large or its read fails. Undefined when the open fails (a symbolic link, a missing or unreadable path) or the path
 * is no regular file: the checked path then decides, with the same outcomes as before this shortcut.
 */
function readRegularFile(context: ReadContext, path: string, absolute: string, flags: number): Uint8Array | ReadOutcome | undefined {
  let handle: number;
  try {
    handle = openSync(absolute, flags);
  } catch {
    return undefined;
  }
  try {
    const stats = fstatSync(handle);
    if (!stats.isFile()) return undefined;
    if (stats.size > context.maxFileBytes) return skip(path, 'too-large', describeExcess(stats.size, context));
    // An empty size may be a file whose size the system does not know: read it to its end as before.
    return stats.size === 0 ? readFileSync(handle) : readKnownSize(handle, stats.size, context.scratch);
  } catch (error) {
    return skipForError(path, error);
  } finally {
    closeSync(handle);
  }
}

/**
 * Up to `size` bytes from the start, as `readFileSync` reads a file whose size it measured (a shrunk file: fewer);
 * into the scratch buffer when there is one, so the result is valid only until the next read.
 */
function readKnownSize(handle: number, size: number, scratch: ReadScratch | undefined): Uint8Array {
  if (scratch !== undefined && (scratch.buffer === undefined || scratch.buffer.length < size)) {
    scratch.buffer = Buffer.allocUnsafe(Math.max(size, MIN_SCRATCH_BYTES, 2 * (scratch.buffer?.length ?? 0)));
  }
  const buffer = scratch?.buffer ?? Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const read = readSync(handle, buffer, filled, size - filled, null);
    if (read === 0) break;
    filled += read;
  }
  return filled === buffer.length ? buffer : buffer.subarray(0, filled);
}

async function readBytes(context: ReadContext, path: string, absolute: string): Promise<Uint8Array | ReadOutcome> {
  let handle: number;
  try {
    handle = openSync(absolute, READ_FLAGS);
  } catch (error) {
    return skipForError(path, error);
  }
  try {
    const bytes = readFileSync(handle);
    // The file may have grown since it was measured; the limit holds for what was actually read.
    if (bytes.length > context.maxFileBytes) return skip(path, 'too-large', describeExcess(bytes.length, context));
    return bytes;
  } catch (error) {
    return skipForError(path, error);
  } finally {
    closeSync(handle);
  }
}

function skip(path: string, reason: SkipReason, detail: string): ReadOutcome {
  return { kind: 'skipped', skipped: { path, reason, detail } };
}

function skipForError(path: string, error: unknown): ReadOutcome {
  if (isMissing(error)) return skip(path, 'vanished', 'removed while being collected');
  return skip(path, 'unreadable', `could not be read (${errorCode(error)})`);
}

/** ENOTDIR too: a parent directory replaced by a file means the path no longer exists. */
function isMissing(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function describeType(stats: Stats): string {
  if (stats.isDirectory()) return 'directory (a git submodule, nested repository or link to a directory)';
  if (stats.isFIFO()) return 'named pipe (FIFO)';
  if (stats.isSocket()) return 'socket';
  if (stats.isCharacterDevice()) return 'character device';
  if (stats.isBlockDevice()) return 'block device';
  return 'not a regular file';
}

/** E.g. `2.3 MB > 1 MB limit`; exact byte counts when rounding would make both sides look equal. */
function describeExcess(size: number, context: Pick<ReadContext, 'maxFileBytes'>): string {
  const [sizeLabel, limitLabel] = [formatSize(size), formatSize(context.maxFileBytes)];
  if (sizeLabel !== limitLabel) return `${sizeLabel} > ${limitLabel} limit`;
  return `${groupDigits(size)} bytes > ${groupDigits(context.maxFileBytes)} bytes limit`;
}

const SIZE_UNITS: readonly string[] = ['B', 'KB', 'MB', 'GB', 'TB'];

/** Decimal units (1 KB = 1,000 bytes), as for token budgets; one decimal, trailing `.0` dropped. */
function formatSize(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < SIZE_UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  const rounded = unit === 0 ? String(value) : value.toFixed(1).replace(/\.0$/, '');
  return `${rounded} ${SIZE_UNITS[unit]}`;
}

/** `1234567` → `1,234,567`, independent of locale. */
function groupDigits(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
