/**
 * Errors that end a whole run. Per-file trouble is never thrown: it becomes a `SkippedFile` record.
 * The CLI maps `exitCode` to the process exit status: 2 for usage/config, 1 for runtime failures.
 */
export class RepopackError extends Error {
  readonly code: string;
  readonly hint: string | undefined;
  readonly exitCode: 1 | 2;

  constructor(message: string, options: { code: string; hint?: string; cause?: unknown; exitCode?: 1 | 2 }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = options.code;
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? 1;
  }
}

/** A flag or argument the user must correct. */
export class UsageError extends RepopackError {
  constructor(message: string, hint?: string) {
    super(message, { code: 'usage', hint, exitCode: 2 });
  }
}

/** A configuration file the user must correct. */
export class ConfigError extends RepopackError {
  constructor(message: string, hint?: string) {
    super(message, { code: 'config', hint, exitCode: 2 });
  }
}

/** The budget cannot hold even the smallest possible bundle. */
export class BudgetError extends RepopackError {
  constructor(message: string, hint?: string) {
    super(message, { code: 'budget', hint, exitCode: 2 });
  }
}

/** git was needed (e.g. for `--diff`) and failed. */
export class GitError extends RepopackError {
  constructor(message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, { code: 'git', hint: options.hint, cause: options.cause, exitCode: 1 });
  }
}
