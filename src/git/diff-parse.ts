/** Parsers for `git diff --raw -z`, `--numstat -z`, patch text and `git log -z`. Pure: text in, records out. */
import type { ChangeStatus, CommitSummary } from '../shared/types.js';

/** One record of `git diff --raw -z`. */
export interface RawChange {
  readonly path: string;
  readonly oldPath: string | undefined;
  readonly status: ChangeStatus;
  /** Rename or copy similarity in percent. */
  readonly similarity: number | undefined;
  readonly oldMode: string;
  readonly newMode: string;
  readonly oldHash: string;
  readonly newHash: string;
}

/** Lines added and removed per path (new path for renames); undefined counts for binary files. */
export interface LineCounts {
  readonly additions: number | undefined;
  readonly deletions: number | undefined;
}

const STATUS_BY_LETTER: Readonly<Record<string, ChangeStatus>> = {
  A: 'added',
  M: 'modified',
  D: 'deleted',
  R: 'renamed',
  C: 'copied',
  T: 'type-changed',
};

/** Parses `git diff --raw -z` output. Unknown letters (`U` unmerged, `X`) are read as `modified`. */
export function parseRawDiff(output: string): RawChange[] {
  const fields = output.split('\0');
  const changes: RawChange[] = [];
  for (let index = 0; index < fields.length; ) {
    const header = fields[index++]!;
    if (!header.startsWith(':')) continue;
    const [oldMode = '', newMode = '', oldHash = '', newHash = '', statusField = 'M'] = header.slice(1).split(' ');
    const letter = statusField.charAt(0);
    const status = STATUS_BY_LETTER[letter] ?? 'modified';
    const hasTwoPaths = letter === 'R' || letter === 'C';
    const first = fields[index++] ?? '';
    const second = hasTwoPaths ? (fields[index++] ?? '') : undefined;
    changes.push({
      path: second ?? first,
      oldPath: second === undefined ? undefined : first,
      status,
      similarity: hasTwoPaths ? Number(statusField.slice(1)) : undefined,
      oldMode,
      newMode,
      oldHash,
      newHash,
    });
  }
  return changes;
}

/** Parses `git diff --numstat -z` into counts keyed by (new) path. */
export function parseNumstat(output: string): Map<string, LineCounts> {
  const fields = output.split('\0');
  const counts = new Map<string, LineCounts>();
  for (let index = 0; index < fields.length; ) {
    const record = fields[index++]!;
    const match = /^(-|\d+)\t(-|\d+)\t(.*)$/s.exec(record);
    if (!match) continue;
    // A rename leaves the path field empty and puts old and new paths in the next two fields.
    let path = match[3]!;
    if (path === '') {
      index++;
      path = fields[index++] ?? '';
    }
    counts.set(path, {
      additions: match[1] === '-' ? undefined : Number(match[1]),
      deletions: match[2] === '-' ? undefined : Number(match[2]),
    });
  }
  return counts;
}

/**
 * Splits a patch into its per-file parts, keyed by the `diff --git a/OLD b/NEW` line. A type change appears as two
 * parts with the same header; they are joined. Content lines start with ` `, `+`, `-` or `\`, so no content line can
 * look like a header.
 */
export function splitPatch(patch: string): Map<string, string> {
  const parts = new Map<string, string>();
  const starts: number[] = [];
  if (patch.startsWith('diff --git ')) starts.push(0);
  for (let at = patch.indexOf('\ndiff --git '); at !== -1; at = patch.indexOf('\ndiff --git ', at + 1)) starts.push(at + 1);
  starts.forEach((start, index) => {
    const part = patch.slice(start, starts[index + 1] ?? patch.length);
    const header = part.slice(0, part.indexOf('\n') === -1 ? part.length : part.indexOf('\n'));
    parts.set(header, (parts.get(header) ?? '') + part);
  });
  return parts;
}

/** The header `splitPatch` keys a change by (prefixes fixed by `--src-prefix=a/ --dst-prefix=b/`). */
export function patchHeader(change: Pick<RawChange, 'path' | 'oldPath'>): string {
  return `diff --git a/${change.oldPath ?? change.path} b/${change.path}`;
}

/** Record and field separators of the `--log` format. */
export const LOG_RECORD = '\x1e';
export const LOG_FIELD = '\x1f';

/** Parses `git log -z --name-only --format=<RS>%H<US>%cI<US>%an<US>%s`. */
export function parseCommitLog(output: string): CommitSummary[] {
  return output
    .split(LOG_RECORD)
    .filter((record) => record !== '')
    .map((record) => {
      const end = record.indexOf('\0');
      const header = end === -1 ? record : record.slice(0, end);
      const [hash = '', date = '', author = '', subject = ''] = header.split(LOG_FIELD);
      const files = (end === -1 ? '' : record.slice(end + 1))
        .split('\0')
        .map((name) => name.replace(/^\n/, ''))
        .filter((name) => name !== '');
      return { hash, date, author, subject, files };
    });
}
