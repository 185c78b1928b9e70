/** The one-line description of a change shown with its diff and in the stat level. Pure. */
import type { FileChange } from '../shared/types.js';
import type { LineCounts, RawChange } from './diff-parse.js';

/** What `git diff --raw` and `--numstat` say about one path. */
export type ChangeFacts = RawChange & LineCounts;

/**
 * The change record without patches: e.g. `modified, +12 −3`, `renamed from src/a.ts (95% similar), +1 −1`,
 * `deleted, −40`, `binary, modified`, `submodule 1a2b3c4 → 5d6e7f8`, `mode 100644 → 100755`. `origin` adds a word
 * (`untracked`) after the status.
 */
export function describeChange(facts: ChangeFacts & { readonly isBinary: boolean }, origin?: string): FileChange {
  const isSubmodule = facts.oldMode === '160000' || facts.newMode === '160000';
  const modeChange = hasModeChange(facts) ? `${facts.oldMode} → ${facts.newMode}` : undefined;
  const parts: string[] = [origin ? `${facts.status} (${origin})` : facts.status];
  if (facts.oldPath !== undefined) {
    const similar = facts.similarity === undefined ? '' : ` (${facts.similarity}% similar)`;
    parts[0] = `${facts.status} from ${facts.oldPath}${similar}`;
  }
  if (isSubmodule) parts.push(`submodule ${short(facts.oldHash)} → ${short(facts.newHash)}`);
  else if (facts.isBinary) parts.push('binary');
  else parts.push(lineCounts(facts));
  if (modeChange) parts.push(`mode ${modeChange}`);
  return {
    path: facts.path,
    ...(facts.oldPath === undefined ? {} : { oldPath: facts.oldPath }),
    status: facts.status,
    additions: facts.additions,
    deletions: facts.deletions,
    isBinary: facts.isBinary,
    isSubmodule,
    ...(modeChange === undefined ? {} : { modeChange }),
    summary: parts.filter((part) => part !== '').join(', '),
  };
}

function lineCounts(counts: LineCounts): string {
  const added = counts.additions ?? 0;
  const removed = counts.deletions ?? 0;
  if (added === 0 && removed === 0) return '';
  return [added > 0 ? `+${added}` : '', removed > 0 ? `−${removed}` : ''].filter((part) => part !== '').join(' ');
}

/** Both sides exist and only the permission or type bits differ in a way worth saying. */
function hasModeChange(facts: RawChange): boolean {
  if (facts.oldMode === '000000' || facts.newMode === '000000') return false;
  return facts.oldMode !== facts.newMode;
}

function short(hash: string): string {
  return /^0+$/.test(hash) || hash === '' ? 'none' : hash.slice(0, 7);
}
