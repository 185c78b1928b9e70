/**
 * Changes inside the budget: turns a `ChangeSet` into fit candidates (one diff section per changed path, with levels
 * function context → one line of context → stat) and raises the scores of changed files so the knapsack packs them
 * in full before unchanged ones.
 */
import type { FitCandidate } from './fit/index.js';
import type { BundleChanges } from './render/index.js';
import { collectChanges } from './git/index.js';
import { redactSecrets, type SecretsMode } from './redact/index.js';
import { hasOverlongLine, MAX_SHOWN_LINE_CHARS } from './represent/index.js';
import type {
  ChangeSet,
  CommitSummary,
  DiffLevel,
  DiffMode,
  FileChange,
  RankedFile,
  SecretRedaction,
  Variant,
} from './shared/types.js';
import { estimateTokens } from './tokenize/index.js';

/**
 * Score multiplier for files the diff touches. Role scores span 5–100, so ×10 puts any changed file above every
 * unchanged one: the reader asked about these. (Hand-set; `--explain` shows it as a reason.)
 */
export const CHANGED_SCORE_FACTOR = 10;
/**
 * A diff weighs this many times its file's score. What changed is what a reviewer asks about: one-line-context hunks
 * of a change must beat the first lines of a changed file (measured on prometheus `--base HEAD~20 --budget 32k`: at
 * ×1, 46 of 65 changed paths got their full text or their hunks; at ×3, 54. The rest cannot all fit: the one-line
 * hunks of those 65 changes alone come to 31,180 tokens).
 */
const DIFF_SCORE_FACTOR = 3;
/** Score of a diff whose file is not packed (deleted, or binary): what a source file's role scores. */
const UNPACKED_DIFF_SCORE = 60;

/** Level worths in fit follow file levels: function context as `full`, one-line context as `skeleton`, stat as `outline`. */
const LEVEL_FOR_DIFF: Readonly<Record<DiffLevel, 'full' | 'skeleton' | 'outline'>> = {
  'function-context': 'full',
  hunks: 'skeleton',
  stat: 'outline',
};

/**
 * Changed files first-class: each changed path that is packed gets its score ×CHANGED_SCORE_FACTOR. Returns the list
 * re-sorted (score desc, path by code unit). When rank accepts personalisation seeds (issue 4), pass `changedPaths`
 * there as well so neighbours of changed files rise too.
 */
export function boostChangedFiles(ranked: readonly RankedFile[], changedPaths: ReadonlySet<string>): RankedFile[] {
  if (changedPaths.size === 0) return [...ranked];
  return ranked
    .map((rankedFile) =>
      changedPaths.has(rankedFile.file.path)
        ? { ...rankedFile, score: rankedFile.score * CHANGED_SCORE_FACTOR, reasons: [...rankedFile.reasons, `changed (×${CHANGED_SCORE_FACTOR})`] }
        : rankedFile,
    )
    .sort((a, b) => b.score - a.score || (a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : 0));
}

/** Paths whose content the diff changed and that still exist (deletions excluded). */
export function changedPaths(changes: ChangeSet): Set<string> {
  return new Set(changes.changes.filter((change) => change.status !== 'deleted').map((change) => change.path));
}

/**
 * One fit candidate per change, in path order. `scoreOf` gives the (boosted) score of a packed file; a diff
 * weighs as much as its file. `isShown` filters out paths the include/ignore globs leave out.
 */
export function diffCandidates(
  changes: ChangeSet,
  scoreOf: (path: string) => number | undefined,
  isShown: (path: string) => boolean,
): FitCandidate[] {
  return changes.changes
    .filter((change) => isShown(change.path) || (change.oldPath !== undefined && isShown(change.oldPath)))
    .map((change) => {
      const score = (scoreOf(change.path) ?? UNPACKED_DIFF_SCORE * CHANGED_SCORE_FACTOR) * DIFF_SCORE_FACTOR;
      return {
        path: change.path,
        language: undefined,
        score,
        reasons: [`diff: ${change.summary}`],
        variants: diffVariants(change),
        section: 'diff' as const,
      };
    });
}

/** Variants richest first; equal texts collapse (a small hunk often is its whole function). Ends with `path`. */
function diffVariants(change: FileChange): Variant[] {
  const variants: Variant[] = [];
  const add = (diffLevel: DiffLevel, text: string, note: string) => {
    if (variants.some((variant) => variant.level !== 'path' && variant.text === text)) return;
    // Minified or generated lines are noise, and BPE time grows with the square of an unbroken run.
    if (hasOverlongLine(text)) return;
    variants.push({ level: LEVEL_FOR_DIFF[diffLevel], text, tokens: estimateTokens(text), note, diffLevel });
  };
  if (change.functionContext !== undefined) add('function-context', change.functionContext, change.summary);
  if (change.hunks !== undefined) add('hunks', change.hunks, change.summary);
  const overlong = [change.functionContext, change.hunks].some((text) => text !== undefined && hasOverlongLine(text));
  const why = change.patchOmitted ?? (overlong ? `lines over ${MAX_SHOWN_LINE_CHARS} characters` : undefined);
  const omitted = why === undefined ? '' : `; patch omitted: ${why}`;
  add('stat', '', `${change.summary}${omitted}`);
  variants.push({ level: 'path', tokens: 0 });
  return variants;
}

/** The changes block of the header. */
export function bundleChanges(changes: ChangeSet, shownCount: number): BundleChanges {
  return { description: changes.description, fileCount: shownCount, commits: changes.commits };
}

/** The changes and log a pack asked for, or undefined when it asked for neither (no git is run then). */
export async function readChanges(
  root: string,
  options: { readonly diff?: DiffMode; readonly logCount?: number },
): Promise<ChangeSet | undefined> {
  if (options.diff === undefined && !options.logCount) return undefined;
  return collectChanges({
    root,
    ...(options.diff === undefined ? {} : { mode: options.diff }),
    ...(options.logCount ? { logCount: options.logCount } : {}),
  });
}

/**
 * Secrets in what the diff and the log show: patches and commit subjects are redacted like file text (`redact`), or
 * a patch with a secret is left out and only its stat shown (`drop`). Lines are those of the patch text.
 */
export function screenChanges(
  changes: ChangeSet | undefined,
  mode: SecretsMode,
): { changes: ChangeSet | undefined; redactions: SecretRedaction[] } {
  if (changes === undefined || mode === 'off') return { changes, redactions: [] };
  const redactions: SecretRedaction[] = [];
  const screened = changes.changes.map((change) => screenChange(change, mode, redactions));
  const commits = changes.commits.map((commit): CommitSummary => {
    const { text, findings } = redactSecrets(commit.subject);
    for (const finding of findings) redactions.push({ path: `commit ${commit.hash}`, rule: finding.rule, line: 1 });
    return findings.length === 0 ? commit : { ...commit, subject: text };
  });
  return { changes: { ...changes, changes: screened, commits }, redactions };
}

function screenChange(change: FileChange, mode: SecretsMode, redactions: SecretRedaction[]): FileChange {
  const patches = [change.functionContext, change.hunks].map((text) => (text === undefined ? undefined : redactSecrets(text)));
  const findings = patches[0]?.findings.length ? patches[0].findings : (patches[1]?.findings ?? []);
  if (findings.length === 0) return change;
  for (const finding of findings) redactions.push({ path: `diff ${change.path}`, rule: finding.rule, line: finding.line });
  if (mode === 'drop') {
    const { functionContext: _context, hunks: _hunks, ...rest } = change;
    return { ...rest, patchOmitted: 'contains a secret' };
  }
  return {
    ...change,
    ...(patches[0] ? { functionContext: patches[0].text } : {}),
    ...(patches[1] ? { hunks: patches[1].text } : {}),
  };
}
