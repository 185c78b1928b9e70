/**
 * Runs Repomix `--compress` on a list of files and splits its XML output back into one text per file.
 * Repomix is found in `--repomix-dir DIR` (its `node_modules/.bin/repomix`) or else on the PATH.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Generous: Repomix on a few thousand files takes a minute on a loaded two-core machine. */
const REPOMIX_TIMEOUT_MS = 30 * 60 * 1000;

/** The repomix executable for `directory` (an npm prefix), or the one on the PATH. */
export function repomixCommand(directory) {
  return directory ? join(directory, 'node_modules', '.bin', 'repomix') : 'repomix';
}

/** Repomix's version string, so the report says what it compared against. */
export function repomixVersion(command) {
  const result = spawnSync(command, ['--version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new Error(`cannot run "${command} --version": ${result.error?.message ?? result.stderr}`);
  }
  return result.stdout.trim().split('\n').at(-1);
}

/**
 * Map of relative path → Repomix's compressed text. Paths are fed on stdin (`--stdin`), so no glob or ignore rule
 * of Repomix decides which files it sees; files it still leaves out (its security check is off) are simply absent.
 */
export function runRepomix(command, root, relativePaths) {
  const scratch = mkdtempSync(join(tmpdir(), 'compress-compare-'));
  const output = join(scratch, 'repomix.xml');
  try {
    const result = spawnSync(
      command,
      ['--compress', '--style', 'xml', '--stdin', '--no-security-check', '--quiet', '--output', output],
      { cwd: root, input: relativePaths.join('\n') + '\n', encoding: 'utf8', timeout: REPOMIX_TIMEOUT_MS, maxBuffer: 1 << 26 },
    );
    if (result.error || result.status !== 0) {
      throw new Error(`repomix failed (status ${result.status}): ${result.error?.message ?? result.stderr}`);
    }
    return splitRepomixXml(readFileSync(output, 'utf8'));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Repomix's xml style writes `<file path="…">\ncontent\n</file>` without escaping the content. */
export function splitRepomixXml(xml) {
  const files = new Map();
  const pattern = /<file path="([^"]*)">\n([\s\S]*?)\n<\/file>\n/g;
  for (const match of xml.matchAll(pattern)) files.set(unescapeAttribute(match[1]), match[2]);
  return files;
}

function unescapeAttribute(text) {
  return text.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
