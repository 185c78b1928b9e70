/** `repopack models`: the model presets as a table (or JSON with `--json`) on stdout. */
import yargs from 'yargs';
import { asSubcommand } from './subcommand.js';
import { defaultModelBudget, defaultReserve, MODEL_PRESETS, type ModelPreset } from '../config/index.js';

interface ModelRow {
  readonly name: string;
  readonly windowTokens: number;
  readonly tokenizer: string;
  readonly defaultBudget: number;
  readonly note: string;
  readonly caveat?: string;
}

function toRow(preset: ModelPreset): ModelRow {
  return {
    name: preset.name,
    windowTokens: preset.windowTokens,
    tokenizer: preset.tokenizer,
    defaultBudget: Math.floor(defaultModelBudget(preset) / (preset.safetyFactor ?? 1)),
    note: preset.note ?? (preset.maxInputTokens ? `input capped at ${format(preset.maxInputTokens)}` : ''),
    ...(preset.caveat === undefined ? {} : { caveat: preset.caveat }),
  };
}

const format = (tokens: number) => tokens.toLocaleString('en-US');

/** The presets as aligned columns: name, window, tokenizer, default budget (counted tokens), note. */
export function formatModelTable(rows: readonly ModelRow[] = MODEL_PRESETS.map(toRow)): string {
  const cells = [
    ['model', 'window', 'tokenizer', 'default budget', 'note'],
    ...rows.map((row) => [row.name, format(row.windowTokens), row.tokenizer, format(row.defaultBudget), row.note]),
  ];
  const widths = cells[0]!.map((_, column) => Math.max(...cells.map((line) => line[column]!.length)));
  const lines = cells.map((line) =>
    line
      .map((cell, column) => (column === 1 || column === 3 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd(),
  );
  const reserve = `default budget = window − reserve (--reserve, default ${format(defaultReserve({ name: '', windowTokens: 1e9, tokenizer: 'o200k' }))}, at most a quarter of the window)`;
  const caveats = rows.flatMap((row) => (row.caveat === undefined ? [] : [`${row.name}: ${row.caveat}`]));
  return `${lines.join('\n')}\n\n${[reserve, ...caveats].join('\n')}\n`;
}

/** Run `repopack models [--json]`; resolves to the exit code. */
export async function runModelsCommand(argv: readonly string[]): Promise<number> {
  const args = await asSubcommand(yargs([...argv])
    .scriptName('repopack models')
    .usage('$0 [--json]\n\nList the model presets --model accepts.')
    .option('json', { type: 'boolean', default: false, describe: 'print the presets as JSON' }), 'models').parseAsync();
  if (args.help === true) return 0;
  const rows = MODEL_PRESETS.map(toRow);
  process.stdout.write(args.json ? `${JSON.stringify(rows, null, 2)}\n` : formatModelTable(rows));
  return 0;
}
