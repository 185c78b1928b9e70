import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** A stage may import shared/ and earlier stages (types only by convention), never a later stage or the CLI. */
const LATER = {
  collect: ['analyze', 'rank', 'represent', 'fit', 'render', 'cli', 'config'],
  git: ['analyze', 'rank', 'represent', 'fit', 'render', 'cli', 'config'],
  analyze: ['rank', 'represent', 'fit', 'render', 'cli', 'config', 'collect', 'git'],
  rank: ['represent', 'fit', 'render', 'cli', 'config', 'collect', 'git'],
  represent: ['fit', 'render', 'cli', 'config', 'collect', 'git', 'rank'],
  fit: ['render', 'cli', 'config', 'collect', 'git', 'rank', 'represent'],
  render: ['cli', 'config', 'collect', 'git', 'rank', 'represent'],
  redact: ['cli', 'config', 'collect', 'git', 'analyze', 'rank', 'represent', 'fit', 'render', 'tokenize'],
  tokenize: ['cli', 'config', 'collect', 'git', 'analyze', 'rank', 'represent', 'fit', 'render'],
  config: ['cli'],
  // The cross-run cache is an edge that stores JSON by content hash: it knows nothing of the stages.
  cache: ['cli', 'config', 'collect', 'git', 'analyze', 'rank', 'represent', 'fit', 'render', 'tokenize', 'redact'],
  shared: ['cli', 'config', 'collect', 'git', 'analyze', 'rank', 'represent', 'fit', 'render', 'tokenize', 'redact'],
};
/** Only the CLI may touch the terminal and process exit. */
const TERMINAL_PACKAGES = ['yargs', 'yargs/*', 'chalk'];
/** The pure core must not do I/O. */
const IO_MODULES = ['node:fs', 'node:fs/promises', 'node:child_process', 'fs', 'child_process'];
const PURE = new Set(['analyze', 'rank', 'represent', 'fit', 'render', 'redact']);

const boundaries = Object.entries(LATER).map(([stage, later]) => ({
  files: [`src/${stage}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: PURE.has(stage) && stage !== 'analyze' ? IO_MODULES.map((name) => ({ name, message: 'the core is pure: do I/O at an edge' })) : [],
        patterns: [
          { group: later.flatMap((name) => [`../${name}/*`, `../${name}`, `../../${name}/*`]), message: `${stage} must not import a later stage or the CLI` },
          { group: TERMINAL_PACKAGES, message: 'only src/cli may use yargs or chalk' },
          { group: ['../pack.js', '../pack-*.js', '../index.js'], message: 'stages do not import the orchestrator' },
        ],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/fixtures/**', '**/.dump-tmp.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // TypeScript checks undefined names itself, with the real lib and @types/node globals.
      'no-undef': 'off',
      // Control characters in patterns are deliberate: we detect and replace them in file contents.
      'no-control-regex': 'off',
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.property.name='localeCompare']", message: 'locale-dependent order breaks determinism; compare by code unit' }],
    },
  },
  ...boundaries,
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**'],
    rules: {
      'no-console': 'error',
      'no-restricted-properties': ['error', { object: 'process', property: 'exit', message: 'only src/cli exits' }, { object: 'process', property: 'stdout', message: 'only src/cli prints' }],
    },
  },
);
