/** `repopack init [dir]`: write a starter `repopack.config.json` with a `$schema` link and `//` comment keys. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import yargs from 'yargs';
import { asSubcommand } from './subcommand.js';
import { CONFIG_FILE_NAME } from '../config/index.js';
import { UsageError } from '../shared/errors.js';

/**
 * Config files are plain JSON (any JSON tool can read and rewrite them), so comments are `//` keys, which repopack
 * ignores, and the schema link gives editors completion and checks.
 */
export const STARTER_CONFIG = {
  $schema: './node_modules/repopack/schema/repopack.schema.json',
  '//': 'repopack settings; a flag on the command line wins over a value here. Keys starting with // are comments.',
  '// model': 'sets the tokenizer and the default budget (window − reserve); `repopack models` lists them',
  model: 'gpt-4o',
  '// budget': 'a key starting with // is off: rename "//budget" to "budget" to use it; it wins over the model\'s default',
  '//budget': '128k',
  '// reserve': 'with a model: tokens left free for the question and answer',
  '//reserve': '16k',
  '//tokenizer': 'o200k',
  style: 'xml',
  '// output': 'paths (output, instructions, json, cacheDir) are relative to this file',
  '//output': 'repopack-bundle.xml',
  include: [],
  ignore: ['**/*.snap'],
  '//maxFileSize': '1mb',
  '//compress': false,
  '//order': 'rank',
  '//secrets': 'redact',
  '// output options': 'as the flags of the same name; noTree: true is the same as tree: false',
  '//headerText': 'Answer in English.',
  '//instructions': 'repopack-instructions.md',
  '//lineNumbers': false,
  '//tree': true,
  '//split': 2,
  '//copy': false,
  '//json': 'repopack-report.json',
  '//quiet': false,
  '//progress': true,
  '//cache': true,
  '//cacheDir': '.repopack-cache',
  '// overrides': 'per glob: level "full" (always full) or a cap (stripped, skeleton, outline, head, path); exclude; priority multiplies the score',
  overrides: [
    { files: 'docs/**', level: 'outline' },
    { files: '**/generated/**', exclude: true },
    { files: 'src/core/**', priority: 2 },
  ],
};

/** Run `repopack init [dir] [--force]`; resolves to the exit code. */
export async function runInitCommand(argv: readonly string[]): Promise<number> {
  const args = await asSubcommand(yargs([...argv])
    .scriptName('repopack init')
    .usage('$0 [dir] [--force]\n\nWrite a starter repopack.config.json (plain JSON, with a $schema link).')
    .command('$0 [dir]', false)
    .positional('dir', { type: 'string', default: '.', describe: 'directory to write it in' })
    .option('force', { type: 'boolean', default: false, describe: 'overwrite an existing config' }), 'init').parseAsync();
  if (args.help === true) return 0;
  const path = join(String(args.dir), CONFIG_FILE_NAME);
  try {
    await writeFile(path, `${JSON.stringify(STARTER_CONFIG, null, 2)}\n`, { flag: args.force ? 'w' : 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError(`${path} already exists`, 'edit it, or run repopack init --force to overwrite it');
    throw new UsageError(`cannot write ${path} (${code ?? (error as Error).message})`, 'check that the directory exists and is writable');
  }
  process.stderr.write(`wrote ${path}\n`);
  return 0;
}
