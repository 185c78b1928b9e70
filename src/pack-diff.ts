/**
 * Changes inside the budget: turns a `ChangeSet` into fit candidates (one diff section per changed path, with levels
 * function context → one line of context → no context → stat) and raises the scores of changed files so the knapsack packs them
 * in full before unchanged ones.
 */
import type { FileSource } from './collect/index.js';
import type { FitCandidate } from './fit/index.js';
import type { BundleChanges } from './render/index.js';
import { collectChanges, createGitRunner, readRepoState } from './git/index.js';
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
import { detectLanguage } from './shared/languages.js';
import { estimateTokens } from './tokenize/index.js';

/**
 * Score multiplier for code files the diff touches. Role scores span 5–100, so ×10 puts any changed code file above
 * every unchanged one: the reader asked about these. (Hand-set; `--explain` shows it as a reason.)
 */
export const CHANGED_SCORE_FACTOR = 10;
/**
 * Score multiplier for changed doc, config and data files (manifests, workflows, golden files, docs): still above most
 * unchanged files, but below changed code, whose diffs are what a review is about. Measured on prometheus `--base
 * HEAD~20 --budget 32k`: at ×10 their full texts and hunks left the 5.5k-token test diff out (43 of 44 changed code
 * files with text or a diff); at ×3, 44 of 44.
 */
const CHANGED_NON_CODE_SCORE_FACTOR = 3;
/**
 * A code diff weighs this many times its file's score. What changed is what a reviewer asks about: one-line-context
 * hunks of a change must beat the first lines of a changed file (measured on prometheus `--base HEAD~20 --budget 32k`
 * before the zero-context level: at ×1, 46 of 65 changed paths got their full text or their hunks; at ×3, 54).
 */
const DIFF_SCORE_FACTOR = 3;
/**
 * The diff of a doc, config or data file (changelog, golden files, workflow YAML, package manifests) weighs as much as
 * its file, no more: its stat line says most of what a reviewer of the code needs. Measured on prometheus `--base
 * HEAD~20 --budget 32k` (the zero-context hunks of its 44 changed code files alone come to ~25k tokens): with every
 * diff at ×DIFF_SCORE_FACTOR, 41 of 44 changed code files got their text or a diff; at ×1 for the others, 42.
 */
const NON_CODE_DIFF_SCORE_FACTOR = 1;
/**
 * A code diff of more changed lines than this weighs proportionally more (×lines/this, at most ×MAX_DIFF_SIZE_FACTOR).
 * A reviewer needs every changed line, so a diff's worth grows with its length; at a flat worth the knapsack, which pays
 * per token, always gave a long test diff up for a few small upgrades elsewhere. Hand-set near the median code diff of
 * prometheus `--base HEAD~20` (~20 changed lines). Measured there at `--budget 32k`: 43 of 44 changed code files got
 * their text or a diff without it (a 126-line, 5.5k-token test diff left out), 44 with it.
 */
const DIFF_LINES_AT_FLAT_WORTH = 20;
/**
 * Cap of the length factor: past 200 changed lines a diff is closer to a rewrite, where the file's own text (which
 * competes at its own score) serves as well, and one such diff must not outweigh dozens of small ones per token.
 */
const MAX_DIFF_SIZE_FACTOR = 10;
/** Score of a diff whose file is not packed (deleted, or binary): what a source file's role scores. */
const UNPACKED_DIFF_SCORE = 60;

/**
 * Which file level's worth (fit's `LEVEL_WORTH`) each diff level takes. The three texts show the same changed lines, so
 * they weigh close together: function context `full` (1), one-line hunks `stripped` (0.95), zero-context hunks
 * `skeleton` (0.7); the stat line `outline` (0.4), so that a change the budget cannot show still gets its one line
 * (at `head` worth, ~0.1, fastapi `--base HEAD~20 --budget 32k` lost the stat lines of 415 of 611 changes).
 * Zero-context hunks stay on a diff's price/worth hull when the one-line hunks cost over ~1.8× as much (many small
 * hunks); otherwise they fill what the greedy left when the one-line hunks no longer fit. Measured on prometheus
 * `--base HEAD~20 --budget 32k`, changed code files in full or as a diff: 38 of 44 with full/skeleton/outline and no
 * zero-context level; 41 with this map alone; 44 with the scoring factors below as well.
 */
const LEVEL_FOR_DIFF: Readonly<Record<DiffLevel, 'full' | 'stripped' | 'skeleton' | 'outline'>> = {
  'function-context': 'full',
  hunks: 'stripped',
  'zero-context': 'skeleton',
  stat: 'outline',
};

/**
 * Changed files first-class: each changed path that is packed gets its score ×CHANGED_SCORE_FACTOR (code) or
 * ×CHANGED_NON_CODE_SCORE_FACTOR (docs, config, data). Returns the list
 * re-sorted (score desc, path by code unit). When rank accepts personalisation seeds (issue 4), pass `changedPaths`
 * there as well so neighbours of changed files rise too.
 */
export function boostChangedFiles(
  ranked: readonly RankedFile[],
  changedPaths: ReadonlySet<string>,
  addedWorth: ReadonlyMap<string, number> = new Map(),
): RankedFile[] {
  if (changedPaths.size === 0) return [...ranked];
  return ranked
    .map((rankedFile) => {
      if (!changedPaths.has(rankedFile.file.path)) return rankedFile;
      const factor = rankedFile.file.kind === 'code' ? CHANGED_SCORE_FACTOR : CHANGED_NON_CODE_SCORE_FACTOR;
      const reasons = [...rankedFile.reasons, `changed (×${factor})`];
      const added = addedWorth.get(rankedFile.file.path);
      if (added !== undefined) reasons.push(`added: its text is the diff (×${added.toFixed(1)})`);
      return { ...rankedFile, score: rankedFile.score * factor * (added ?? 1), reasons };
    })
    .sort((a, b) => b.score - a.score || (a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : 0));
}

/**
 * Added files whose diff is only a stat line: their text is the change, so the file weighs what its diff would
 * (prometheus `--base HEAD~20 --budget 32k`: an added 81-line test went unshown while modified files' diffs took
 * function context). Path → the diff's weight factor.
 */
export function addedFileWorth(changes: ChangeSet): Map<string, number> {
  const worth = new Map<string, number>();
  for (const change of changes.changes) {
    if (change.status === 'added' && change.functionContext === undefined) worth.set(change.path, diffFactor(change));
  }
  return worth;
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
      const score = (scoreOf(change.path) ?? UNPACKED_DIFF_SCORE * CHANGED_SCORE_FACTOR) * diffFactor(change);
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

/**
 * How much more a diff weighs than its file: code diffs ×DIFF_SCORE_FACTOR, more when long (see
 * DIFF_LINES_AT_FLAT_WORTH), the others ×NON_CODE_DIFF_SCORE_FACTOR.
 */
function diffFactor(change: FileChange): number {
  if (detectLanguage(change.path).kind !== 'code') return NON_CODE_DIFF_SCORE_FACTOR;
  const changedLines = (change.additions ?? 0) + (change.deletions ?? 0);
  return DIFF_SCORE_FACTOR * Math.min(MAX_DIFF_SIZE_FACTOR, Math.max(1, changedLines / DIFF_LINES_AT_FLAT_WORTH));
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
  if (change.zeroContext !== undefined) add('zero-context', change.zeroContext, change.summary);
  const overlong = [change.functionContext, change.hunks, change.zeroContext].some((text) => text !== undefined && hasOverlongLine(text));
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

/**
 * Where a pack reads file contents: as asked (`source`), else from the index when the diff is the staged one, so that
 * the files shown are the ones the next commit records, like the diff beside them (untracked files are not in it). An
 * explicit file list (`paths`, `--stdin`) is read from the work tree. Reading the index needs a work tree: outside one
 * this throws the same `UsageError` (exit 2) as the diff flags.
 */
export async function resolveFileSource(
  root: string,
  options: { readonly source?: FileSource; readonly diff?: DiffMode; readonly paths?: readonly string[] },
): Promise<FileSource | undefined> {
  const source = options.source ?? (options.diff?.kind === 'staged' && options.paths === undefined ? 'index' : undefined);
  if (source === 'index') await readRepoState(createGitRunner(root));
  return source;
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
  const texts = [change.functionContext, change.hunks, change.zeroContext];
  const patches = texts.map((text) => (text === undefined ? undefined : redactSecrets(text)));
  // Each patch shows the same changed lines; the richest one with findings reports them (its lines are what is shown).
  const findings = patches.find((patch) => patch !== undefined && patch.findings.length > 0)?.findings ?? [];
  if (findings.length === 0) return change;
  for (const finding of findings) redactions.push({ path: `diff ${change.path}`, rule: finding.rule, line: finding.line });
  if (mode === 'drop') {
    const { functionContext: _context, hunks: _hunks, zeroContext: _zero, ...rest } = change;
    return { ...rest, patchOmitted: 'contains a secret' };
  }
  return {
    ...change,
    ...(patches[0] ? { functionContext: patches[0].text } : {}),
    ...(patches[1] ? { hunks: patches[1].text } : {}),
    ...(patches[2] ? { zeroContext: patches[2].text } : {}),
  };
}
