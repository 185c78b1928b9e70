/**
 * Synthetic benchmark trees: a file count and a seed in → a directory of nested .ts/.py/.go/.md/.json files out.
 * The same count and seed always give the same bytes, so figures from different machines compare.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createRandom, fileText } from './bench-synthetic-content.mjs';

/** Bump when the generator's output changes, so stale trees on disk are rebuilt rather than reused. */
const GENERATOR_VERSION = 2;
/** Contents come from a second PRNG stream, so changing a text template leaves the layout alone. */
const CONTENT_SEED_MIX = 0x5eed;
/** Smallest and largest file, in bytes. */
const MIN_FILE_BYTES = 200;
const MAX_FILE_BYTES = 40_000;
/**
 * Sizes are MIN·(MAX/MIN)^(u^SKEW) for uniform u: with 2 the median file is ~750 B and the mean ~4.3 KB, close to
 * the many-small-few-large shape of real repositories (a 20k-file tree is ~85 MB).
 */
const SIZE_SKEW = 2;
/** One directory per this many files on average, nested to any depth by random parent links. */
const FILES_PER_DIRECTORY = 12;
/** Language mix, by weight. */
const LANGUAGE_WEIGHTS = [
  ['ts', 35],
  ['py', 25],
  ['go', 15],
  ['md', 15],
  ['json', 10],
];
/** Imports at the top of a .ts or .py file. */
const MAX_IMPORTS = 4;
/** Imports are drawn from this many most recent files of the same language. */
const IMPORT_WINDOW = 1_000;
/** Files written at once: enough to keep the disk busy, few enough to stay under open-file limits. */
const WRITE_CONCURRENCY = 64;

const DIRECTORY_WORDS = ['api', 'core', 'data', 'docs', 'lib', 'model', 'net', 'service', 'store', 'util', 'view', 'web'];

function pickLanguage(random) {
  const total = LANGUAGE_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random.next() * total;
  for (const [language, weight] of LANGUAGE_WEIGHTS) {
    roll -= weight;
    if (roll < 0) return language;
  }
  return LANGUAGE_WEIGHTS[0][0];
}

function fileBytes(random) {
  const ratio = MAX_FILE_BYTES / MIN_FILE_BYTES;
  return Math.round(MIN_FILE_BYTES * ratio ** (random.next() ** SIZE_SKEW));
}

/** Directory paths: directory i hangs under a random earlier one, so depth varies from 1 to many. */
function layoutDirectories(count, random) {
  const directories = [''];
  for (let index = 1; index < count; index += 1) {
    const parent = directories[random.between(0, index - 1)];
    const name = `${random.pick(DIRECTORY_WORDS)}${index}`;
    directories.push(parent === '' ? name : `${parent}/${name}`);
  }
  return directories;
}

/**
 * The plan of a tree: each file's path, language, size and the earlier files of its language it imports.
 * @returns {{ file: string, language: string, bytes: number, neighbours: string[] }[]}
 */
export function planSyntheticTree(fileCount, seed) {
  const random = createRandom(seed);
  const directories = layoutDirectories(Math.max(1, Math.ceil(fileCount / FILES_PER_DIRECTORY)), random);
  const byLanguage = new Map();
  const plan = [];
  for (let index = 0; index < fileCount; index += 1) {
    const language = pickLanguage(random);
    const directory = random.pick(directories);
    const name = `f${index}.${language}`;
    const file = directory === '' ? name : `${directory}/${name}`;
    const earlier = byLanguage.get(language) ?? [];
    const importCount = language === 'ts' || language === 'py' ? Math.min(earlier.length, random.between(0, MAX_IMPORTS)) : 0;
    // Imports point at recent files of the same language, like a package importing its neighbours.
    const oldest = Math.max(0, earlier.length - IMPORT_WINDOW);
    const neighbours = Array.from({ length: importCount }, () => earlier[random.between(oldest, earlier.length - 1)]);
    plan.push({ file, language, bytes: fileBytes(random), neighbours: [...new Set(neighbours)] });
    earlier.push(file);
    byLanguage.set(language, earlier);
  }
  return plan;
}

/** Write the planned files batch by batch; texts are made in plan order, so the PRNG sequence never changes. */
async function writePlan(root, plan, seed) {
  const random = createRandom(seed ^ CONTENT_SEED_MIX);
  const directories = new Set(plan.map(({ file }) => path.dirname(path.join(root, file))));
  for (const directory of directories) await mkdir(directory, { recursive: true });
  let bytes = 0;
  for (let start = 0; start < plan.length; start += WRITE_CONCURRENCY) {
    const batch = plan.slice(start, start + WRITE_CONCURRENCY).map((entry) => ({ ...entry, text: fileText({ ...entry, random }) }));
    bytes += batch.reduce((sum, { text }) => sum + Buffer.byteLength(text), 0);
    await Promise.all(batch.map(({ file, text }) => writeFile(path.join(root, file), text)));
  }
  return bytes;
}

/** The marker sits beside the tree, not in it, so neither tool packs it. */
function markerPathOf(root) {
  return `${root}.json`;
}

function markerFor(fileCount, seed) {
  return { generator: GENERATOR_VERSION, files: fileCount, seed };
}

async function isComplete(root, expected) {
  const markerPath = markerPathOf(root);
  if (!existsSync(markerPath)) return false;
  const marker = JSON.parse(await readFile(markerPath, 'utf8'));
  return marker.generator === expected.generator && marker.files === expected.files && marker.seed === expected.seed;
}

/**
 * Make (or reuse) the synthetic tree of `fileCount` files under `parent`. A marker file, written last, says the tree
 * is complete; an interrupted or stale tree is removed and written again.
 * @param {{ parent: string, fileCount: number, seed: number, log?: (line: string) => void }} options
 * @returns {Promise<string>} the tree's root directory
 */
export async function ensureSyntheticTree(options) {
  const { parent, fileCount, seed } = options;
  const root = path.join(parent, `synthetic-${fileCount}-seed${seed}`);
  const expected = markerFor(fileCount, seed);
  if (await isComplete(root, expected)) return root;
  options.log?.(`writing synthetic tree of ${fileCount} files to ${root} …`);
  await rm(markerPathOf(root), { force: true });
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  const plan = planSyntheticTree(fileCount, seed);
  const bytes = await writePlan(root, plan, seed);
  await writeFile(markerPathOf(root), `${JSON.stringify({ ...expected, bytes })}\n`);
  return root;
}
