import type { RankedFile, SourceFile } from '../shared/types.js';
import { classifyRole, type FileRole, pathInRoot, ROLE_SCORE } from './file-role.js';

/** Each directory level below the root costs this many points: top-level files describe the project. */
const DEPTH_PENALTY = 2;
/** The depth penalty stops growing here so deep source still outranks shallow tests. */
const MAX_DEPTH_PENALTY = 10;
/** A README or manifest in a subdirectory describes a part, not the whole: it drops by this share. */
const NESTED_OVERVIEW_FACTOR = 0.6;

/** Total order: score descending, then path by code unit. */
export function compareRanked(a: RankedFile, b: RankedFile): number {
  return b.score - a.score || (a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : 0);
}

/** First-version ranking from each file's role and depth; sorted most important first. */
export function rankByRole(files: readonly SourceFile[]): RankedFile[] {
  // Files of one role at one depth share one score and one (frozen) reasons list: a 200k-file tree has a few dozen.
  const shared = new Map<string, { readonly score: number; readonly reasons: readonly string[] }>();
  const ranked = files.map((file): RankedFile => {
    const role = classifyRole(file);
    const depth = countSlashes(pathInRoot(file));
    const key = `${role} ${depth}`;
    let found = shared.get(key);
    if (found === undefined) {
      found = scoreRoleAtDepth(role, depth);
      shared.set(key, found);
    }
    return { file, score: found.score, reasons: found.reasons };
  });
  return ranked.sort(compareRanked);
}

function scoreRoleAtDepth(role: FileRole, depth: number): { readonly score: number; readonly reasons: readonly string[] } {
  let score = ROLE_SCORE[role];
  const reasons = [`role ${role} (${score})`];
  if (depth > 0 && (role === 'readme' || role === 'manifest')) {
    score *= NESTED_OVERVIEW_FACTOR;
    reasons.push(`nested ${role} ×${NESTED_OVERVIEW_FACTOR}`);
  }
  const penalty = Math.min(MAX_DEPTH_PENALTY, depth * DEPTH_PENALTY);
  if (penalty > 0) {
    score -= penalty;
    reasons.push(`depth ${depth} (−${penalty})`);
  }
  return { score: Math.max(1, score), reasons: Object.freeze(reasons) };
}

function countSlashes(path: string): number {
  let count = 0;
  for (let index = path.indexOf('/'); index !== -1; index = path.indexOf('/', index + 1)) count++;
  return count;
}
