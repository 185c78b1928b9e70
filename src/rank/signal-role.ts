/**
 * role signal under a task: how much a file's role lets it matter to a task at all, and the pull a test file gets
 * from the file it tests.
 */
import type { FileRole } from './file-role.js';

/**
 * Multiplier of a file's task relevance by role. Hand-set: source and entry points carry most changes; docs, tests,
 * examples, changelogs, data, generated and vendored files match the task's words often but rarely are what it needs.
 * A file the task names outright escapes the factor.
 */
export const TASK_ROLE_FACTOR: Readonly<Record<FileRole, number>> = {
  source: 1,
  'entry-point': 1,
  manifest: 0.7,
  readme: 0.6,
  config: 0.6,
  doc: 0.35,
  test: 0.45,
  example: 0.3,
  changelog: 0.15,
  data: 0.2,
  generated: 0.1,
  vendored: 0.1,
};

/** A test file scores at least this share of its subject's score. */
export const TEST_PULL_SHARE = 0.5;

/**
 * The base name of the file a test file tests: `test_x.py` / `x_test.py` → `x.py`, `x_test.go` → `x.go`,
 * `x.test.ts` / `x.spec.ts` → `x.ts`, `XTest.java` → `X.java`. Undefined when the name shows no test marker.
 */
export function testSubjectName(path: string): string | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const patterns: [RegExp, string][] = [
    [/^test_(.+\.py)$/, '$1'],
    [/^(.+)_test\.(py|go)$/, '$1.$2'],
    [/^(.+)[._-](?:test|spec)\.([a-z]+)$/, '$1.$2'],
    [/^(.+)(?:Test|Tests|Spec)\.(java|kt|scala|swift|cs)$/, '$1.$2'],
  ];
  for (const [pattern, replacement] of patterns) if (pattern.test(name)) return name.replace(pattern, replacement);
  return undefined;
}
