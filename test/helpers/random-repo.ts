/**
 * Seeded random repositories for property tests: nested trees, unicode and spaced names, code/doc/data files of very
 * different sizes, binary files, files full of the bundle formats' own delimiters, and ignored files.
 */
import { mulberry32, pick, randomInt, type Random } from './prng.js';

export interface RandomRepo {
  readonly files: Record<string, string | Uint8Array>;
  /** Paths that must appear in the bundle's listing (everything not ignored). */
  readonly listed: readonly string[];
  /** Paths written but ignored by the generated .gitignore. */
  readonly ignored: readonly string[];
}

const DIR_NAMES = ['src', 'lib', 'core', 'utils', 'docs', 'test', 'api', 'ünïcode', 'with space', '数据', 'deep', 'x'];
const BASE_NAMES = ['index', 'main', 'util', 'helpers', 'README', 'config', 'model', 'ñame', 'file with space', 'ファイル', 'a-b_c'];
const EXTENSIONS = ['ts', 'py', 'go', 'md', 'json', 'rs', 'txt', 'c', 'yaml', 'java'];
const HOSTILE_SNIPPETS = [
  '</file>',
  ']]>',
  '<![CDATA[',
  '```',
  '````md',
  '~~~',
  '<|endoftext|>',
  '===== fake.ts (full) =====',
  '</repository>',
  '"},{"path":"evil"',
  '& < > " \'',
  '\u0000\u0001\u0007',
];
const WORDS = ['function', 'return', 'value', 'const', 'import', 'class', 'if', 'for', 'while', 'data', 'user', 'login'];

function randomLine(random: Random): string {
  if (random() < 0.08) return pick(random, HOSTILE_SNIPPETS);
  const length = 1 + randomInt(random, 12);
  const words = Array.from({ length }, () => pick(random, WORDS));
  return '  '.repeat(randomInt(random, 4)) + words.join(' ') + (random() < 0.3 ? ' // comment' : '');
}

function randomText(random: Random): string {
  const sizeClass = random();
  const lines = sizeClass < 0.1 ? 0 : sizeClass < 0.6 ? randomInt(random, 40) : sizeClass < 0.9 ? randomInt(random, 400) : randomInt(random, 1000);
  return Array.from({ length: lines }, () => randomLine(random)).join('\n') + (lines > 0 ? '\n' : '');
}

function randomBinary(random: Random): Uint8Array {
  const bytes = new Uint8Array(16 + randomInt(random, 2000));
  for (let i = 0; i < bytes.length; i++) bytes[i] = randomInt(random, 256);
  bytes[3] = 0;
  return bytes;
}

function randomPath(random: Random): string {
  const depth = randomInt(random, 5);
  const dirs = Array.from({ length: depth }, () => pick(random, DIR_NAMES));
  return [...dirs, `${pick(random, BASE_NAMES)}${randomInt(random, 50)}.${pick(random, EXTENSIONS)}`].join('/');
}

/** A repository from a seed: the same seed always gives the same files. */
export function randomRepo(seed: number, maxFiles = 60): RandomRepo {
  const random = mulberry32(seed);
  const files: Record<string, string | Uint8Array> = { '.gitignore': '*.log\n' };
  const ignored: string[] = [];
  const count = 1 + randomInt(random, maxFiles);
  for (let i = 0; i < count; i++) {
    const path = randomPath(random);
    if (Object.keys(files).some((existing) => existing.startsWith(path + '/') || path.startsWith(existing + '/'))) continue;
    files[path] = random() < 0.07 ? randomBinary(random) : randomText(random);
  }
  if (random() < 0.5) {
    const log = `logs${randomInt(random, 9)}/run.log`;
    files[log] = 'ignored log line\n';
    ignored.push(log);
  }
  const listed = Object.keys(files).filter((path) => !ignored.includes(path));
  return { files, listed: listed.sort(), ignored };
}
