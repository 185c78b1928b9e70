/**
 * The two programs under comparison: how to find or install them, and the arguments and environment of a cold or a
 * warm run. A cold run gets a fresh private temp and cache directory and the tool's own cache switched off; warm runs
 * share one private directory that an unmeasured priming run has filled.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPOMIX_VERSION } from './bench-args.mjs';

const execFileAsync = promisify(execFile);
/** `npm install` of Repomix fetches ~175 packages; give a slow network time before giving up. */
const INSTALL_TIMEOUT_MS = 10 * 60 * 1_000;
/** Variables that would change how the measured Node programs start, inherited from `npm run` or a test runner. */
const INHERITED_NODE_VARIABLES = ['NODE_OPTIONS', 'NODE_COMPILE_CACHE', 'REPOMIX_TOKEN_CACHE', 'REPOMIX_TOKEN_CACHE_PATH'];

/**
 * @typedef {{ name: string, bin: string, extension: string, coldArgs: readonly string[], coldEnv: Record<string, string>,
 *   argsFor: (target: string, output: string) => string[] }} Tool
 */

/**
 * Check that repopack's CLI runs (`node bin/repopack.js --help`) and learn whether it has `--no-cache`.
 * @param {string} projectRoot the repopack checkout
 * @param {string} budget the `--budget` every run uses
 * @returns {Promise<Tool>}
 */
export async function probeRepopack(projectRoot, budget) {
  const bin = path.join(projectRoot, 'bin', 'repopack.js');
  let help;
  try {
    help = (await execFileAsync(process.execPath, [bin, '--help'], { cwd: projectRoot })).stdout;
  } catch (error) {
    const detail = (error.stderr || error.message || '').trim().split('\n').slice(0, 3).join('\n');
    throw new Error(`repopack does not run (\`node bin/repopack.js --help\` failed); run \`npm run build\` first.\n${detail}`);
  }
  const supportsNoCache = help.includes('--no-cache') || /--\[no-\]cache\b/.test(help);
  return {
    name: 'repopack',
    bin,
    extension: 'xml',
    coldArgs: supportsNoCache ? ['--no-cache'] : [],
    coldEnv: {},
    argsFor: (target, output) => [target, '--budget', budget, '--style', 'xml', '--quiet', '-o', output],
  };
}

/**
 * `repopack snapshot` of a git target, written outside it: warm runs find the key of the priming run's snapshot and
 * pack nothing (the pre-commit case of an unchanged index); cold runs pack with `--force` and fresh cache directories.
 * Only git targets (`needsGit`): outside a work tree there is no index to snapshot.
 * @param {Tool} repopack the probed repopack tool
 * @param {string} budget the `--budget` every run uses
 * @returns {Tool & { needsGit: true, compared: false }}
 */
export function snapshotTool(repopack, budget) {
  return {
    name: 'snapshot',
    bin: repopack.bin,
    extension: 'xml',
    coldArgs: ['--force'],
    coldEnv: {},
    needsGit: true,
    compared: false,
    argsFor: (target, output) => ['snapshot', target, '--always', '--strict', '--budget', budget, '--quiet', '-o', output],
  };
}

/** The bin script of an installed Repomix, read from its package.json rather than guessed. */
function repomixBinPath(directory) {
  const packageDirectory = path.join(directory, 'node_modules', 'repomix');
  const manifestPath = path.join(packageDirectory, 'package.json');
  if (!existsSync(manifestPath)) return undefined;
  return { packageDirectory, manifestPath };
}

async function readRepomixBin(found) {
  const manifest = JSON.parse(await readFile(found.manifestPath, 'utf8'));
  const relative = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.repomix;
  if (!relative) throw new Error(`${found.manifestPath} names no bin script`);
  return { version: manifest.version, bin: path.join(found.packageDirectory, relative) };
}

/**
 * Install Repomix into `directory` once (`npm install --no-save --prefix`), reusing an install of the pinned version.
 * @param {string} directory scratch folder outside the project
 * @param {(line: string) => void} log progress sink
 * @returns {Promise<Tool>}
 */
export async function ensureRepomix(directory, log) {
  let found = repomixBinPath(directory);
  let installed = found ? await readRepomixBin(found) : undefined;
  if (installed?.version !== REPOMIX_VERSION) {
    log(`installing repomix@${REPOMIX_VERSION} into ${directory} …`);
    await mkdir(directory, { recursive: true });
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const args = ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', directory, `repomix@${REPOMIX_VERSION}`];
    await execFileAsync(npm, args, { cwd: directory, timeout: INSTALL_TIMEOUT_MS, shell: process.platform === 'win32' });
    found = repomixBinPath(directory);
    installed = found ? await readRepomixBin(found) : undefined;
    if (!installed) throw new Error(`npm installed nothing usable into ${directory}`);
  }
  return {
    name: 'Repomix',
    bin: installed.bin,
    extension: 'xml',
    coldArgs: [],
    // Repomix 1.18 keeps token counts in $TMPDIR/repomix/cache; this switch turns that cache off.
    coldEnv: { REPOMIX_TOKEN_CACHE: '0' },
    argsFor: (target, output) => [target, '--output', output, '--style', 'xml', '--quiet'],
  };
}

/** The parent's environment without anything that would change how the measured programs start or cache. */
function baseEnvironment() {
  const env = { ...process.env };
  for (const name of INHERITED_NODE_VARIABLES) delete env[name];
  return env;
}

/** Point every temp and cache location a Node tool may use at `directory`. */
function privateEnvironment(directory, extra) {
  return { ...baseEnvironment(), TMPDIR: directory, TMP: directory, TEMP: directory, XDG_CACHE_HOME: directory, ...extra };
}

/**
 * Build the invocations of one tool on one target in one mode. Each runs inside the target, as a user would, so a
 * tool finds the target's own configuration file.
 * Cold: each run gets a fresh private directory (removed afterwards) and the tool's cache switches.
 * Warm: all runs share `warmDirectory`; the caller primes it with one unmeasured run.
 * @param {{ tool: Tool, mode: 'cold' | 'warm', target: string, output: string, scratch: string }} options
 */
export function makeInvocations(options) {
  const { tool, mode, target, output, scratch } = options;
  const warmDirectory = path.join(scratch, `${tool.name.toLowerCase()}-warm`);
  let current;
  return {
    async next() {
      const args = tool.argsFor(target, output);
      if (mode === 'warm') {
        await mkdir(warmDirectory, { recursive: true });
        const env = privateEnvironment(warmDirectory, {});
        return { label: `${tool.name} (warm)`, script: tool.bin, args, env, cwd: target };
      }
      await mkdir(scratch, { recursive: true });
      current = await mkdtemp(path.join(scratch, `${tool.name.toLowerCase()}-cold-`));
      const env = privateEnvironment(current, tool.coldEnv);
      return { label: `${tool.name} (cold)`, script: tool.bin, args: [...args, ...tool.coldArgs], env, cwd: target };
    },
    async cleanup() {
      if (current) await rm(current, { recursive: true, force: true });
      current = undefined;
    },
  };
}
