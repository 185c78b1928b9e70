/**
 * What a cached value depends on besides its input text: our own code (any edit to a stage can change a skeleton or
 * a variant) and the pinned versions of the tokenizer and grammar packages. Hashing the built modules rather than
 * trusting `version` means a rebuilt checkout never reads what an older build wrote.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bump when the layout of the cache files changes. */
export const CACHE_FORMAT = 1;

/** Module files whose bytes make up the fingerprint: built `.js` or, under the test runner, `.ts` (never `.d.ts`). */
const CODE_FILE = /(?<!\.d)\.(?:js|ts|mjs)$/;

let memo: string | undefined;

/** A short hash of the cache format, package.json (version + dependency pins) and every module of this package. */
export function codeFingerprint(): string {
  if (memo !== undefined) return memo;
  const hash = createHash('sha1');
  hash.update(`format ${CACHE_FORMAT}\n`);
  const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
  hash.update(readOrEmpty(join(packageRoot, 'package.json')));
  const moduleRoot = fileURLToPath(new URL('../', import.meta.url));
  for (const file of listModules(moduleRoot)) {
    hash.update(`\n${file}\n`);
    hash.update(readFileSync(join(moduleRoot, file)));
  }
  memo = hash.digest('base64url').slice(0, 16);
  return memo;
}

function readOrEmpty(path: string): Buffer | string {
  try {
    return readFileSync(path);
  } catch {
    // A bundled or vendored copy without its manifest still fingerprints its modules.
    return '';
  }
}

/** Relative paths of the module files under `root`, sorted by code unit so the hash does not depend on the OS. */
function listModules(root: string): string[] {
  const entries = readdirSync(root, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && CODE_FILE.test(entry.name))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name).slice(root.length));
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
