/**
 * Paths left out of every pack unless an ignore file repopack reads re-includes them with a `!` rule (inside a git
 * repository that means `.repopackignore`; outside, `.gitignore` and `.ignore` too).
 * Written as gitignore patterns: a pattern without a slash matches at any depth, a trailing `/` matches directories only.
 */
export const DEFAULT_IGNORE_PATTERNS: readonly string[] = [
  // Version control metadata. No trailing slash: `.git` is a file in worktrees and submodules.
  '.git',
  '.hg',
  '.svn',
  // Installed dependencies. `vendor/` is deliberately absent: vendored Go code is often wanted; ranking decides.
  'node_modules/',
  'bower_components/',
  // Build output and caches.
  'dist/',
  'build/',
  'out/',
  'target/',
  'coverage/',
  '.next/',
  '.nuxt/',
  '__pycache__/',
  '.pytest_cache/',
  '.mypy_cache/',
  '.tox/',
  '.venv/',
  'venv/',
  '.gradle/',
  '.idea/',
  '.DS_Store',
  // Lockfiles: large, machine-written, and almost never what a reader needs.
  'package-lock.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'Cargo.lock',
  'poetry.lock',
  'Gemfile.lock',
  'composer.lock',
  'go.sum',
  'uv.lock',
  'bun.lockb',
  // Minified or bundled files and source maps.
  '*.min.js',
  '*.min.css',
  '*.bundle.js',
  '*.map',
  // Environment files hold secrets; the committed template stays.
  '.env',
  '.env.*',
  '!.env.example',
  // repopack's own output.
  '.repopack/',
];
