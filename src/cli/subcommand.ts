import type { Argv } from 'yargs';
import { UsageError } from '../shared/errors.js';
import { helpColumns } from './terminal.js';

/**
 * The settings every `repopack <command>` parser shares: unknown options are errors, `--help` answers without
 * exiting, and a parse failure is a `UsageError` pointing at that command's help (exit 2).
 */
export function asSubcommand<T>(parser: Argv<T>, name: string): Argv<T> {
  return parser
    .strict()
    .help()
    .alias('help', 'h')
    .version(false)
    .wrap(helpColumns(process.stdout, process.env))
    .fail((message, error) => {
      throw error ?? new UsageError(message, `see repopack ${name} --help`);
    })
    .exitProcess(false);
}
