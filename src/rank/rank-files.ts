/**
 * Combine the signals into one score per file. Without a task (no focus, no seeds): role and depth, plus import-graph
 * centrality and git activity. With a task: relevance from focus words and mentions, personalised PageRank from the
 * task's files, co-change and activity, scaled by role, sharpened so the best matches win their full text in `fit`.
 */
import type { GitCommit, RankedFile, SourceFile } from '../shared/types.js';
import { namedSiblingsOfEntryPoints, yieldedRelevance } from './entry-yield.js';
import { classifyRole, pathInRoot } from './file-role.js';
import { buildImportGraph, type ImportGraph } from './import-graph.js';
import { pageRank, TASK_BACKWARD_WEIGHT } from './pagerank.js';
import { compareRanked, rankByRole } from './rank-by-role.js';
import { activitySignal, coChangeSignal, recentWorkSignal } from './signal-git.js';
import { focusSignal, isUninformativeFocus } from './signal-focus.js';
import { BARREL_SEED_COUNT, barrelSignal } from './signal-barrel.js';
import { siblingSignal } from './signal-sibling.js';
import { TASK_ROLE_FACTOR, TEST_PULL_SHARE, testSubjectName } from './signal-role.js';
import type { SignalScore } from './signal-types.js';
import { termsOf } from './text-terms.js';
import { findTranslations, TRANSLATION_FACTOR, type Translation } from './translation-mirrors.js';

/** What the ranking may know besides the files. Every field is optional: a missing signal is simply absent. */
export interface RankSignals {
  /** Task text: an issue, a commit message, a stack trace. */
  readonly focus?: string;
  /** The task's own files (e.g. changed in a diff), relative POSIX paths. */
  readonly seeds?: readonly string[];
  /** Recent commits, newest first. */
  readonly history?: readonly GitCommit[];
}

/** Points added to the role score by import-graph centrality when there is no task (max; the most central file). */
export const CENTRALITY_POINTS = 15;
/** Points added by git activity when there is no task. Both stay below the gap between manifests and sources. */
export const ACTIVITY_POINTS = 8;
/** Without a task, code never passes the manifests (85): the overview stays first however central a module is. */
export const CODE_SCORE_CEILING = 84;
/** Weights of the task-relevance blend; they sum to 1. */
export const TASK_WEIGHTS = { focus: 0.6, graph: 0.25, coChange: 0.1, activity: 0.05, recent: 0 } as const;
/**
 * The blend when the task text says nothing about where (no seeds, no named file or symbol, at most one content word:
 * "Remove _", "Revert merge changes"): the files of the last few commits are the best guess, since such commits
 * usually finish the work just before them; the graph spreads it to their neighbours. They sum to 1. On zod's eval at
 * 32k (before: activity alone, 0.05 of relevance) "Remove _" went from both gold files as paths to full and head,
 * "Revert merge changes" from two of three as paths to all three shown: all gold any level 80% → 90%.
 */
export const UNINFORMED_TASK_WEIGHTS = { focus: 0.1, graph: 0.2, coChange: 0, activity: 0.1, recent: 0.6 } as const;
/**
 * Added to relevance (before the role factor) per unit of the sibling signal: code files beside the task's best
 * matches. On prometheus's eval at 32k it took discovery/puppetdb/resources.go (589 tokens, beside the best match
 * puppetdb.go) from rank 52 and a skeleton to rank 4 in full (all gold in full 44% → 50%, no case lost).
 */
export const SIBLING_WEIGHT = 0.2;
/** A sibling's relevance is lifted to at most this share of its best match's (it stays below the match). */
const SIBLING_CAP = 0.95;
/**
 * Sibling seeds: this many of the best focus matches, those within this share of the best. With 3, the directories of
 * the 2nd and 3rd matches (fastapi/security/ beside api_key.py) took the top files' room on fastapi's eval.
 */
const SIBLING_SEED_COUNT = 1;
const SIBLING_SEED_SHARE = 0.6;
/** With an uninformative task, PageRank restarts at recent-work files scoring at least this (the last ~3 commits). */
const RECENT_SEED_MIN = 0.5;
/**
 * Relevance is raised to this power before scaling to 0–100: `fit` weighs score × level per token, so a flat
 * score spreads the budget over many weak matches; a steep one gives the few strong matches their full text.
 */
export const RELEVANCE_SHARPNESS = 2;
/** Share of the role score kept under a task, so unrelated files still order by role (README before tests). */
export const TASK_ROLE_FLOOR = 0.02;
/** Root README and manifests keep this relevance under any task: they are the bundle's overview. */
export const OVERVIEW_RELEVANCE = 0.3;
/** Below this log-spread of PageRank (a graph without edges, up to rounding) nothing counts as central. */
const MIN_CENTRALITY_SPREAD = 0.01;
/** PageRank restarts at the best focus matches only: this many, and only those within this share of the best. */
const GRAPH_SEED_COUNT = 20;
const GRAPH_SEED_SHARE = 0.3;
/** Co-change is counted with this many of the best focus matches (plus every seed). */
const COCHANGE_FOCUS_SEEDS = 5;

/** Rank files, most important first (total order: score descending, then path by code unit). */
export function rankFiles(files: readonly SourceFile[], signals: RankSignals = {}): RankedFile[] {
  const translations = findTranslations(files.map((file) => file.path));
  const base = rankByRole(files).map((ranked) => lowerTranslation(ranked, translations.get(ranked.file.path)));
  if (base.length === 0) return base;
  const graph = buildImportGraph(base.map((ranked) => ranked.file));
  const activity = signals.history ? activitySignal(signals.history) : new Map<string, SignalScore>();
  const hasTask = (signals.focus ?? '').trim() !== '' || (signals.seeds ?? []).length > 0;
  const ranked = hasTask ? rankForTask(base, graph, activity, signals, translations) : rankWithoutTask(base, graph, activity);
  return pullUpTests(ranked).sort(compareRanked);
}

function maxOf(values: Iterable<number>): number {
  let best = 0;
  for (const value of values) if (value > best) best = value;
  return best;
}

/** The reason `--explain` gives for a translation's factor. */
function translationReason(translation: Translation): string {
  return `translation of ${translation.source} ×${TRANSLATION_FACTOR}`;
}

/** A translated page's role score is scaled down too, so with or without a task it orders below its source page. */
function lowerTranslation(ranked: RankedFile, translation: Translation | undefined): RankedFile {
  if (translation === undefined) return ranked;
  return { ...ranked, score: ranked.score * TRANSLATION_FACTOR, reasons: [...ranked.reasons, translationReason(translation)] };
}

function rankWithoutTask(base: readonly RankedFile[], graph: ImportGraph, activity: ReadonlyMap<string, SignalScore>): RankedFile[] {
  const ranks = pageRank(graph);
  const count = ranks.length;
  const top = Math.log(maxOf(ranks) * count);
  return base.map((ranked, index) => {
    // Only code is ranked by centrality and activity: the README and manifests keep their fixed overview scores.
    if (ranked.file.kind !== 'code') return ranked;
    // log(rank × N): 0 for a file no more central than average, 1 for the most central one.
    const centrality = top > MIN_CENTRALITY_SPREAD ? Math.min(1, Math.max(0, Math.log(ranks[index]! * count)) / top) : 0;
    const active = activity.get(ranked.file.path);
    // Most files of a large tree are neither central nor active: they keep their record (and its shared reasons).
    if (centrality === 0 && !active) return ranked;
    const reasons = [...ranked.reasons];
    let score = ranked.score + CENTRALITY_POINTS * centrality;
    if (centrality >= 0.05) reasons.push(`central ${(100 * centrality).toFixed(0)}% (+${(CENTRALITY_POINTS * centrality).toFixed(1)})`);
    if (active) {
      score += ACTIVITY_POINTS * active.score;
      reasons.push(...active.reasons);
    }
    return { ...ranked, score: Math.min(score, Math.max(ranked.score, CODE_SCORE_CEILING)), reasons };
  });
}

/** What a task makes of every file before the per-file blend: the signals and the weights that blend them. */
interface TaskSignals {
  readonly focus: ReturnType<typeof focusSignal>;
  readonly seedSet: ReadonlySet<string>;
  readonly ranks: Float64Array;
  readonly topRank: number;
  readonly coChange: ReadonlyMap<string, SignalScore>;
  readonly recent: ReadonlyMap<string, SignalScore>;
  readonly sibling: ReturnType<typeof siblingSignal>;
  readonly weights: typeof TASK_WEIGHTS | typeof UNINFORMED_TASK_WEIGHTS;
}

function rankForTask(
  base: readonly RankedFile[],
  graph: ImportGraph,
  activity: ReadonlyMap<string, SignalScore>,
  signals: RankSignals,
  translations: ReadonlyMap<string, Translation>,
): RankedFile[] {
  const files = base.map((ranked) => ranked.file);
  const roleFactor = (file: SourceFile) => TASK_ROLE_FACTOR[classifyRole(file)] * (translations.has(file.path) ? TRANSLATION_FACTOR : 1);
  const task = taskSignals(files, graph, signals, roleFactor);
  const parts = files.map(({ path }, index) => ({
    focus: task.seedSet.has(path) ? 1 : (task.focus.get(path)?.score ?? 0),
    graph: task.topRank > 0 ? Math.sqrt(task.ranks[index]! / task.topRank) : 0,
    coChange: task.coChange.get(path)?.score ?? 0,
    activity: activity.get(path)?.score ?? 0,
    recent: task.recent.get(path)?.score ?? 0,
  }));
  const blended = parts.map((fileParts) => {
    let relevance = 0;
    for (const key of Object.keys(task.weights) as (keyof typeof task.weights)[]) relevance += task.weights[key] * fileParts[key];
    return relevance;
  });
  const indexOf = new Map(files.map((file, index) => [file.path, index]));
  const lifted = base.map((ranked, index) => {
    const beside = task.sibling.get(ranked.file.path);
    // Never up to the best match it sits beside: on prometheus two siblings passing rules/group.go took its room.
    const cap = SIBLING_CAP * blended[indexOf.get(beside?.seed ?? '') ?? index]!;
    const relevance = blended[index]!;
    return beside === undefined ? relevance : Math.max(relevance, Math.min(relevance + SIBLING_WEIGHT * beside.score, cap));
  });
  const yielding = namedSiblingsOfEntryPoints(files, new Set(termsOf(signals.focus ?? '')));
  const relevanceOf = (path: string) => lifted[indexOf.get(path)!]!;
  return base.map((ranked, index) => {
    const siblings = yielding.get(ranked.file.path);
    const yielded = siblings === undefined ? { relevance: lifted[index]! } : yieldedRelevance(lifted[index]!, siblings, relevanceOf);
    const scored = scoreForTask(ranked, yielded.relevance, parts[index]!, { task, roleFactor, translations });
    return yielded.to === undefined ? scored : { ...scored, reasons: [...scored.reasons, `yields to ${yielded.to}`] };
  });
}

/** The focus, graph, history and sibling signals of a task, and which blend of weights applies. */
function taskSignals(files: readonly SourceFile[], graph: ImportGraph, signals: RankSignals, roleFactor: (file: SourceFile) => number): TaskSignals {
  const focus = focusSignal(files, signals.focus ?? '', roleFactor);
  const seedSet = new Set(signals.seeds ?? []);
  const byFocus = files.map((_, index) => index).filter((index) => focus.has(files[index]!.path));
  byFocus.sort((a, b) => focus.get(files[b]!.path)!.score - focus.get(files[a]!.path)!.score || a - b);
  const best = byFocus.length > 0 ? focus.get(files[byFocus[0]!]!.path)!.score : 0;
  const uninformed = seedSet.size === 0 && isUninformativeFocus(signals.focus ?? '');
  const recent = uninformed && signals.history ? recentWorkSignal(signals.history) : new Map<string, SignalScore>();
  const restart = graphRestart(files, { focus, byFocus, best, seedSet, recent });
  const ranks = restart.size > 0 ? pageRank(graph, { seeds: restart, backwardWeight: TASK_BACKWARD_WEIGHT }) : new Float64Array(files.length);
  const coSeeds = new Set([...seedSet, ...byFocus.slice(0, COCHANGE_FOCUS_SEEDS).map((index) => files[index]!.path)]);
  const coChange = signals.history ? coChangeSignal(signals.history, coSeeds) : new Map<string, SignalScore>();
  // From the focus text only: a diff's changed files are shown in full already and rank their importers by the graph.
  const nearSeeds = (count: number) => {
    const seeds = new Map<string, number>();
    for (const index of byFocus.slice(0, count)) {
      const share = focus.get(files[index]!.path)!.score / best;
      if (share >= SIBLING_SEED_SHARE && !seeds.has(files[index]!.path)) seeds.set(files[index]!.path, share);
    }
    return seeds;
  };
  // Barrels join the siblings: both are lifted towards, never past, the best match they sit near.
  const near = siblingSignal(files, nearSeeds(SIBLING_SEED_COUNT));
  for (const [path, barrel] of barrelSignal(files, graph, nearSeeds(BARREL_SEED_COUNT))) {
    if ((near.get(path)?.score ?? 0) < barrel.score) near.set(path, barrel);
  }
  return {
    focus,
    seedSet,
    ranks,
    topRank: maxOf(ranks),
    coChange,
    recent,
    sibling: near,
    weights: uninformed ? UNINFORMED_TASK_WEIGHTS : TASK_WEIGHTS,
  };
}

/** PageRank's restart set: the best focus matches, the seeds, and (for an uninformative task) the recent work. */
function graphRestart(
  files: readonly SourceFile[],
  task: {
    readonly focus: ReturnType<typeof focusSignal>;
    readonly byFocus: readonly number[];
    readonly best: number;
    readonly seedSet: ReadonlySet<string>;
    readonly recent: ReadonlyMap<string, SignalScore>;
  },
): Map<number, number> {
  const restart = new Map<number, number>();
  for (const index of task.byFocus.slice(0, GRAPH_SEED_COUNT)) {
    const score = task.focus.get(files[index]!.path)!.score;
    if (score >= task.best * GRAPH_SEED_SHARE) restart.set(index, score);
  }
  files.forEach((file, index) => task.seedSet.has(file.path) && restart.set(index, 1));
  files.forEach((file, index) => {
    const score = task.recent.get(file.path)?.score ?? 0;
    if (score >= RECENT_SEED_MIN) restart.set(index, Math.max(restart.get(index) ?? 0, score));
  });
  return restart;
}

/** One file's score and reasons from its task relevance, its role and the overview floor. */
function scoreForTask(
  ranked: RankedFile,
  relevance: number,
  parts: { readonly graph: number; readonly coChange: number; readonly recent: number },
  context: {
    readonly task: TaskSignals;
    readonly roleFactor: (file: SourceFile) => number;
    readonly translations: ReadonlyMap<string, Translation>;
  },
): RankedFile {
  const { task } = context;
  const path = ranked.file.path;
  const seeded = task.seedSet.has(path);
  const focused = task.focus.get(path);
  const role = classifyRole(ranked.file);
  const named = seeded || focused?.named === true;
  const factor = named ? 1 : context.roleFactor(ranked.file);
  let adjusted = relevance * factor;
  const isOverview = (role === 'readme' || role === 'manifest') && !pathInRoot(ranked.file).includes('/');
  // Lifted by the overview floor rather than by the task: `fit` must not mistake it for a file the task asked for.
  const overview = isOverview && adjusted < OVERVIEW_RELEVANCE;
  if (overview) adjusted = OVERVIEW_RELEVANCE;
  const score = 100 * Math.pow(adjusted, RELEVANCE_SHARPNESS) + TASK_ROLE_FLOOR * ranked.score;
  const reasons = [`relevance ${(100 * adjusted).toFixed(0)}%`, ...ranked.reasons.slice(0, 1)];
  if (seeded) reasons.push('task file');
  if (focused) reasons.push(...focused.reasons);
  if (parts.graph >= 0.05) reasons.push(`graph ${(100 * parts.graph).toFixed(0)}%`);
  if (parts.coChange > 0) reasons.push(...task.coChange.get(path)!.reasons);
  if (parts.recent > 0) reasons.push(...task.recent.get(path)!.reasons);
  const beside = task.sibling.get(path);
  if (beside !== undefined) reasons.push(...beside.reasons);
  const translation = context.translations.get(path);
  if (!named && translation !== undefined) reasons.push(translationReason(translation));
  if (factor < 1) reasons.push(`role ×${Number(factor.toPrecision(3))}`);
  return { file: ranked.file, score, reasons, ...(named ? { task: true } : {}), ...(overview ? { overview: true } : {}) };
}

/** A test file scores at least TEST_PULL_SHARE of the best-scoring file it tests (matched by base name). */
function pullUpTests(ranked: readonly RankedFile[]): RankedFile[] {
  const bestByName = new Map<string, number>();
  for (const entry of ranked) {
    const name = entry.file.path.slice(entry.file.path.lastIndexOf('/') + 1);
    if (testSubjectName(entry.file.path) === undefined) bestByName.set(name, Math.max(bestByName.get(name) ?? 0, entry.score));
  }
  return ranked.map((entry) => {
    const subject = testSubjectName(entry.file.path);
    const subjectScore = subject === undefined ? undefined : bestByName.get(subject);
    if (subjectScore === undefined || subjectScore * TEST_PULL_SHARE <= entry.score) return entry;
    return { ...entry, score: subjectScore * TEST_PULL_SHARE, reasons: [...entry.reasons, `tests ${subject} (×${TEST_PULL_SHARE})`] };
  });
}
