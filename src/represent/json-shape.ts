/**
 * JSON → `skeleton` (the same document with long arrays sampled, deep containers and long strings cut; still valid
 * JSON, every cut marked by a `"… N more items"`-style string) and `outline` (top-level keys with their types).
 * Comments and trailing commas (tsconfig.json, .jsonc) are tolerated; anything else unparsable gives no views.
 */
import { CUT_MARK, type Summary, countLines, countOf, formatCount, truncateText } from './summary-text.js';

/** Containers nested deeper than this many levels below the root are replaced by a `"… 3 keys"` marker. */
export const JSON_MAX_DEPTH = 4;
/** Items kept from each array; two show the element shape and whether it varies. */
export const JSON_ARRAY_SAMPLE_ITEMS = 2;
/** Longest string value kept, in characters; fits a description or a URL, cuts embedded blobs. */
export const JSON_STRING_MAX_CHARS = 120;
/**
 * Keys kept per object. Manifests stay whole (package.json rarely passes 100 dependencies); key-per-entry maps
 * (translations, lookup tables) are cut with a `"…": "N more keys"` entry.
 */
export const JSON_OBJECT_MAX_KEYS = 100;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Skeleton and outline of a JSON document; `[]` when it does not parse. */
export function summarizeJson(text: string): Summary[] {
  const value = parseLenient(text);
  if (value === undefined || !isContainer(value)) return [];
  const lines = formatCount(countLines(text));
  const skeleton = JSON.stringify(shapeOf(value, 0), null, indentationOf(text)) + '\n';
  const note = `keys and sample values of ${lines} lines: first ${JSON_ARRAY_SAMPLE_ITEMS} items of each array`;
  return [
    { level: 'skeleton', text: skeleton, note },
    { level: 'outline', text: outlineOf(value), note: `top-level keys and types of ${lines} lines` },
  ];
}

/** `JSON.parse`, retried without comments and trailing commas; `undefined` when neither parses. */
export function parseLenient(text: string): Json | undefined {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return tryParse(body) ?? tryParse(stripJsonComments(body));
}

function tryParse(text: string): Json | undefined {
  try {
    return JSON.parse(text) as Json;
  } catch {
    // Not JSON in this form: the lenient retry or the caller's text levels take over.
    return undefined;
  }
}

function isContainer(value: Json): value is Json[] | { [key: string]: Json } {
  return value !== null && typeof value === 'object';
}

function shapeOf(value: Json, depth: number): Json {
  if (typeof value === 'string') return truncateText(value, JSON_STRING_MAX_CHARS);
  if (Array.isArray(value)) return shapeArray(value, depth);
  if (value !== null && typeof value === 'object') return shapeObject(value, depth);
  return value;
}

function shapeArray(items: readonly Json[], depth: number): Json {
  if (items.length === 0) return [];
  if (depth >= JSON_MAX_DEPTH) return `${CUT_MARK} array of ${countOf(items.length, 'item')}`;
  const kept: Json[] = items.slice(0, JSON_ARRAY_SAMPLE_ITEMS).map((item) => shapeOf(item, depth + 1));
  const rest = items.length - kept.length;
  if (rest > 0) kept.push(`${CUT_MARK} ${countOf(rest, 'more item')}`);
  return kept;
}

function shapeObject(object: { readonly [key: string]: Json }, depth: number): Json {
  const keys = Object.keys(object);
  if (keys.length === 0) return {};
  if (depth >= JSON_MAX_DEPTH) return `${CUT_MARK} object with ${countOf(keys.length, 'key')}`;
  const entries: [string, Json][] = keys
    .slice(0, JSON_OBJECT_MAX_KEYS)
    .map((key) => [key, shapeOf(object[key] ?? null, depth + 1)]);
  const rest = keys.length - entries.length;
  if (rest > 0) entries.push([CUT_MARK, countOf(rest, 'more key')]);
  // fromEntries defines own properties, so a `__proto__` key stays a key instead of replacing the prototype.
  return Object.fromEntries(entries) as Json;
}

/** `name: string` per top-level key; for a top-level array, its length and the keys of its first item. */
function outlineOf(value: Json[] | { [key: string]: Json }): string {
  if (!Array.isArray(value)) {
    return Object.keys(value).map((key) => `${key}: ${typeLabel(value[key] ?? null)}`).join('\n') + '\n';
  }
  const lines = [typeLabel(value)];
  const first = value[0];
  if (first !== undefined && isContainer(first) && !Array.isArray(first)) {
    for (const key of Object.keys(first)) lines.push(`[0].${key}: ${typeLabel(first[key] ?? null)}`);
  }
  return lines.join('\n') + '\n';
}

function typeLabel(value: Json): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `array (${countOf(value.length, 'item')})`;
  if (typeof value === 'object') return `object (${countOf(Object.keys(value).length, 'key')})`;
  return typeof value;
}

/** The input's indentation unit (from its first indented line); `''` (compact) for single-line JSON. */
function indentationOf(text: string): string {
  const match = /\n([ \t]+)\S/.exec(text);
  return match?.[1]?.slice(0, 10) ?? '';
}

/** Removes `//` and `/* *\/` comments and trailing commas outside strings (the JSONC dialect). */
export function stripJsonComments(text: string): string {
  const parts: string[] = [];
  let pendingComma = -1;
  for (let index = 0; index < text.length; index++) {
    const char = text.charAt(index);
    if (char === '"') {
      const end = endOfString(text, index);
      parts.push(text.slice(index, end));
      pendingComma = -1;
      index = end - 1;
    } else if (char === '/' && (text.charAt(index + 1) === '/' || text.charAt(index + 1) === '*')) {
      const lineComment = text.charAt(index + 1) === '/';
      const close = lineComment ? text.indexOf('\n', index) : text.indexOf('*/', index + 2);
      index = close === -1 ? text.length : lineComment ? close - 1 : close + 1;
    } else {
      if ((char === '}' || char === ']') && pendingComma !== -1) parts[pendingComma] = '';
      if (char === ',') pendingComma = parts.length;
      else if (!/\s/.test(char)) pendingComma = -1;
      parts.push(char);
    }
  }
  return parts.join('');
}

/** Index just past the string literal opening at `start` (escapes honoured; unterminated runs to the end). */
function endOfString(text: string, start: number): number {
  for (let index = start + 1; index < text.length; index++) {
    const char = text.charAt(index);
    if (char === '\\') index++;
    else if (char === '"') return index + 1;
  }
  return text.length;
}
