/** Pure parts of `npm run eval`: argument parsing, case selection from `git log`, and the summary table. */

/** Defaults: 30 cases from the last 3,000 commits, budgets 32k and 128k, 1–4 gold files. */
export function parseEvalArgs(argv, parseBudget) {
  const options = { repo: undefined, cases: 30, budgets: [32_000, 128_000], maxGold: 4, scanCommits: 3000, json: false, syntax: true };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    const value = () => {
      const next = argv[++index];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--cases') options.cases = Number(value());
    else if (arg === '--budgets') options.budgets = value().split(',').map((budget) => parseBudget(budget));
    else if (arg === '--max-gold') options.maxGold = Number(value());
    else if (arg === '--scan') options.scanCommits = Number(value());
    else if (arg === '--json') options.json = true;
    else if (arg === '--no-syntax') options.syntax = false;
    else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}`);
    else options.repo = arg;
  }
  if (options.repo === undefined) throw new Error('usage: npm run eval -- REPO [--cases N] [--budgets 32k,128k]');
  if (!Number.isInteger(options.cases) || options.cases < 1) throw new Error('--cases must be a positive integer');
  return options;
}

/** Git trailers name people and tools, not the task: their words would only add noise to the focus text. */
const TRAILER_LINE = /^(?:Co-authored-by|Signed-off-by|Reviewed-by|Acked-by|Tested-by|Reported-by|Change-Id|Cc):.*$/gim;

/** A commit message as a task: trimmed, trailer lines removed. */
export function withoutTrailers(message) {
  return message.replace(TRAILER_LINE, '').replace(/\n{3,}/g, '\n\n').trim();
}

/**
 * Eligible commits from `git log --format=%x1e%H%x1f%P%x1f%B%x1f --name-status`, newest first: one parent, 1–maxGold
 * modified source files (files added by the commit did not exist in the parent and are no gold). Then `cases` of them,
 * evenly spaced over the list, so the sample is deterministic and spans the history.
 */
export function selectCases(log, options, isSourcePath) {
  const eligible = [];
  for (const record of log.split('\u001e')) {
    const [commit, parents, message, changes] = record.split('\u001f');
    if (!commit || !parents || parents.trim().split(' ').length !== 1) continue;
    const lines = (changes ?? '').split('\n').filter((line) => line.includes('\t'));
    const source = lines.map((line) => line.split('\t')).filter(([, path]) => isSourcePath(path));
    if (source.length === 0 || source.length > options.maxGold) continue;
    const gold = source.filter(([status]) => status === 'M').map(([, path]) => path);
    if (gold.length === 0) continue;
    const text = withoutTrailers(message);
    eligible.push({ commit: commit.trim(), parent: parents.trim(), message: text, subject: text.split('\n')[0], gold: gold.sort() });
  }
  if (eligible.length <= options.cases) return eligible;
  const stride = eligible.length / options.cases;
  return Array.from({ length: options.cases }, (_, index) => eligible[Math.floor(index * stride)]);
}

const percent = (part, whole) => (whole === 0 ? 0 : (100 * part) / whole);

/**
 * A case is feasible in full at a budget when its gold files' full sections together fit the room the bundle had for
 * file sections (budget minus header and tree). The raw "in full" share counts every case; the feasible share only
 * these, so a case no ranking could meet (e.g. one 35k-token file at 32k) is told apart from a ranking miss.
 */
const feasible = (row) => row.goldFullTokens !== undefined && row.goldFullTokens <= row.room;

/** Per budget: share of cases with every gold file included (any level / full), mean file recall, and the baseline's. */
export function summarize(results, budgets) {
  return budgets.map((budget) => {
    const rows = results.map((result) => result.budgets[budget]);
    const feasibleRows = rows.filter(feasible);
    const files = rows.reduce((sum, row) => sum + row.levels.length, 0);
    const any = (level) => level !== 'path' && level !== 'missing';
    // `stripped` is the whole file with comments removed: counted as "whole" but not as "full".
    const whole = (level) => level === 'full' || level === 'stripped';
    return {
      budget,
      allAny: percent(rows.filter((row) => row.levels.every(any)).length, rows.length),
      allFull: percent(rows.filter((row) => row.levels.every((level) => level === 'full')).length, rows.length),
      allWhole: percent(rows.filter((row) => row.levels.every(whole)).length, rows.length),
      feasible: feasibleRows.length,
      allFullFeasible: percent(feasibleRows.filter((row) => row.levels.every((level) => level === 'full')).length, feasibleRows.length),
      baselineAllFeasible: percent(feasibleRows.filter((row) => row.baseline.every(Boolean)).length, feasibleRows.length),
      fileAny: percent(rows.reduce((sum, row) => sum + row.levels.filter(any).length, 0), files),
      fileFull: percent(rows.reduce((sum, row) => sum + row.levels.filter((level) => level === 'full').length, 0), files),
      baselineAll: percent(rows.filter((row) => row.baseline.every(Boolean)).length, rows.length),
      baselineFile: percent(rows.reduce((sum, row) => sum + row.baseline.filter(Boolean).length, 0), files),
    };
  });
}

/** The human table. */
export function formatTable(repo, caseCount, summary) {
  const lines = [
    `${repo}: ${caseCount} cases`,
    'budget   all gold any  all gold full  all gold full|stripped  file any  file full  | BM25 all  BM25 file  | feasible  full  BM25',
  ];
  for (const row of summary) {
    const cell = (value, width) => `${value.toFixed(1)}%`.padStart(width);
    const feasibleCells = `${String(row.feasible).padStart(9)}${cell(row.allFullFeasible, 7)}${cell(row.baselineAllFeasible, 7)}`;
    lines.push(`${String(row.budget / 1000 + 'k').padEnd(7)}${cell(row.allAny, 13)}${cell(row.allFull, 15)}${cell(row.allWhole, 24)}${cell(row.fileAny, 10)}${cell(row.fileFull, 11)}  |${cell(row.baselineAll, 9)}${cell(row.baselineFile, 11)}  |${feasibleCells}`);
  }
  return lines.join('\n') + '\n';
}
