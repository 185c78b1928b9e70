/**
 * Sizes of what the bench measures: files in a target, bytes and o200k tokens of a tool's output. Both tools' outputs
 * are counted here with the same tokenizer, so their token figures compare directly.
 */
import { execFile } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);
/** Count in pieces of about this many characters, cut at a line end, so a 300 MB output never becomes one string. */
const TOKEN_CHUNK_CHARS = 1 << 20;
/** `git ls-files` of a 100k-file repository prints several MB. */
const GIT_OUTPUT_LIMIT_BYTES = 256 * 1024 * 1024;

/** Files a target holds: `git ls-files` in a git work tree, else every regular file outside `.git`. */
export async function countTargetFiles(target) {
  try {
    const { stdout } = await execFileAsync('git', ['-C', target, 'ls-files', '-z'], { maxBuffer: GIT_OUTPUT_LIMIT_BYTES });
    const tracked = stdout.split('\0').filter((name) => name !== '').length;
    if (tracked > 0) return { files: tracked, source: 'git' };
  } catch {
    // Not a git work tree (or no git installed): counting the directory walk below is the answer.
  }
  const entries = await readdir(target, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile() && !isInsideGitDirectory(target, entry)).length;
  return { files, source: 'walk' };
}

function isInsideGitDirectory(target, entry) {
  const relative = path.relative(target, entry.parentPath ?? entry.path);
  return relative === '.git' || relative.startsWith(`.git${path.sep}`);
}

let loadedCounter;

/** o200k counter from gpt-tokenizer (a repopack dependency), or `undefined` when it cannot be loaded. */
async function loadCounter() {
  if (loadedCounter === undefined) {
    loadedCounter = import('gpt-tokenizer/encoding/o200k_base')
      .then((module) => {
        const options = { disallowedSpecial: new Set() };
        return (text) => module.countTokens(text, options);
      })
      .catch(() => null);
  }
  return (await loadedCounter) ?? undefined;
}

/** o200k tokens in a UTF-8 file, counted piecewise at line ends; `undefined` without a tokenizer. */
export async function countFileTokens(file) {
  const count = await loadCounter();
  if (!count) return undefined;
  let tokens = 0;
  let pending = '';
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: TOKEN_CHUNK_CHARS })) {
    pending += chunk;
    const cut = pending.lastIndexOf('\n');
    if (pending.length >= TOKEN_CHUNK_CHARS && cut >= 0) {
      tokens += count(pending.slice(0, cut + 1));
      pending = pending.slice(cut + 1);
    }
  }
  return tokens + (pending === '' ? 0 : count(pending));
}

/** Bytes and tokens of an output file. */
export async function measureOutput(file) {
  const { size } = await stat(file);
  return { bytes: size, tokens: await countFileTokens(file) };
}
