/**
 * One namespace of the cache as one JSON file, read whole on first use and written whole (to a temporary file, then
 * renamed over the old one, so a reader sees the old file or the new one, never half of either). One file per
 * namespace rather than per entry: a run touches thousands of entries, and thousands of small files cost more to open
 * than one file costs to parse.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

/** Marks our files, so a foreign JSON file at the same path is ignored rather than trusted. */
const FILE_TAG = 'repopack-cache';
/** When a namespace outgrows its cap, the newest entries are kept up to this share of it (room for the next runs). */
const PRUNE_TO_SHARE = 0.75;

/** `[value, stamp]`: stamp = seconds since the epoch when the entry was last written or used by a run that wrote. */
type StoredEntry = [unknown, number];

interface StoreFile {
  readonly tag: typeof FILE_TAG;
  readonly fingerprint: string;
  readonly entries: Record<string, StoredEntry>;
}

export interface StoreOptions {
  readonly path: string;
  /** Code and dependency fingerprint; a file with another one is ignored and replaced. */
  readonly fingerprint: string;
  /** Serialised size cap; the least recently written entries go first. */
  readonly maxBytes: number;
  /** Seconds since the epoch, for the entries' stamps. */
  readonly now: () => number;
}

/** A namespace file: lazy load, in-memory reads and writes, merge-and-replace on flush. */
export class CacheStore {
  private entries: Map<string, StoredEntry> | undefined;
  private readonly written = new Set<string>();
  private readonly used = new Set<string>();

  constructor(private readonly options: StoreOptions) {}

  get(key: string): unknown {
    const entry = this.load().get(key);
    if (entry === undefined) return undefined;
    this.used.add(key);
    return entry[0];
  }

  set(key: string, value: unknown): void {
    this.load().set(key, [value, this.options.now()]);
    this.written.add(key);
  }

  /** Write the merged file when this run added entries; nothing to do otherwise. Throws on I/O failure. */
  flush(): void {
    if (this.written.size === 0) return;
    const mine = this.load();
    // Another run may have written since we read: keep its entries, ours win on the same key.
    const merged = readStore(this.options.path, this.options.fingerprint) ?? new Map<string, StoredEntry>();
    const stamp = this.options.now();
    for (const [key, entry] of mine) {
      if (this.written.has(key)) merged.set(key, entry);
      else if (this.used.has(key)) merged.set(key, [entry[0], stamp]);
      else if (!merged.has(key)) merged.set(key, entry);
    }
    writeAtomically(this.options.path, serialise(merged, this.options));
    this.written.clear();
  }

  private load(): Map<string, StoredEntry> {
    this.entries ??= readStore(this.options.path, this.options.fingerprint) ?? new Map();
    return this.entries;
  }
}

/** The entries of a valid file with our fingerprint; undefined for a missing, corrupt or foreign file. */
function readStore(path: string, fingerprint: string): Map<string, StoredEntry> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    // Missing, unreadable or not JSON (a crash mid-write of an older format, a hand edit): rebuilt on the next flush.
    return undefined;
  }
  if (!isStoreFile(parsed) || parsed.fingerprint !== fingerprint) return undefined;
  const entries = new Map<string, StoredEntry>();
  for (const [key, entry] of Object.entries(parsed.entries)) {
    if (Array.isArray(entry) && entry.length === 2 && typeof entry[1] === 'number') entries.set(key, entry as StoredEntry);
  }
  return entries;
}

function isStoreFile(value: unknown): value is StoreFile {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Partial<StoreFile>;
  return record.tag === FILE_TAG && typeof record.entries === 'object' && record.entries !== null;
}

/** The file text, pruned to the newest entries when it would exceed the cap. */
function serialise(entries: Map<string, StoredEntry>, options: StoreOptions): string {
  const text = toText(entries, options.fingerprint);
  if (text.length <= options.maxBytes) return text;
  const newestFirst = [...entries].sort((a, b) => b[1][1] - a[1][1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const kept = new Map<string, StoredEntry>();
  let bytes = 0;
  for (const [key, entry] of newestFirst) {
    bytes += key.length + JSON.stringify(entry).length + 4;
    if (bytes > options.maxBytes * PRUNE_TO_SHARE) break;
    kept.set(key, entry);
  }
  return toText(kept, options.fingerprint);
}

function toText(entries: Map<string, StoredEntry>, fingerprint: string): string {
  const file: StoreFile = { tag: FILE_TAG, fingerprint, entries: Object.fromEntries(entries) };
  return JSON.stringify(file);
}

/** Write a sibling temporary file and rename it over `path`: atomic on POSIX, so concurrent runs never interleave. */
function writeAtomically(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
