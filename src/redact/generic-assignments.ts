/**
 * Generic secrets: a high-entropy literal assigned to a key whose name says it holds a secret, in any of the usual
 * spellings — `API_KEY = "…"`, `apiKey: '…'`, `"client_secret": "…"`, `PASSWORD=…`, `password => '…'`, `--token=…`.
 */
import { isPlaceholder, isPublicShape, shannonEntropy } from './secret-values.js';

/** A value found by the generic detector: where it starts and ends in the text (UTF-16 offsets). */
export interface GenericMatch {
  readonly start: number;
  readonly end: number;
}

/** The rule id of generic findings, shown as `[REDACTED:generic-secret]`. */
export const GENERIC_RULE_ID = 'generic-secret';

/** Cheap anchor: a key must contain one of these (case-insensitive) for the line to be looked at further. */
const KEYWORD_PATTERN = /pass|pwd|secret|token|key|auth|credential/gi;
/** Lower-case literals of KEYWORD_PATTERN, for the prefilter. */
export const GENERIC_KEYWORDS: readonly string[] = ['pass', 'pwd', 'secret', 'token', 'key', 'auth', 'credential'];

/** Words of a key name that make it hold a secret on their own. */
const SECRET_WORDS: ReadonlySet<string> = new Set([
  'password', 'passwd', 'passphrase', 'pwd', 'pass', 'secret', 'secrets', 'token', 'apikey', 'credential',
  'credentials', 'auth', 'privatekey', 'accesskey', 'secretkey', 'authtoken', 'accesstoken', 'refreshtoken',
]);
/** Words that, followed by `key`, make a secret key name: `api_key`, `privateKey`, `SIGNING-KEY`. */
const KEY_QUALIFIERS: ReadonlySet<string> = new Set([
  'api', 'access', 'private', 'secret', 'signing', 'encryption', 'master', 'session', 'client', 'app', 'auth',
  'license', 'service', 'account', 'storage', 'subscription', 'consumer',
]);
/**
 * Words that make a key describe a secret rather than hold one (`token_url`, `password_hash`, `SECRET_KEY_FILE`,
 * `api_key_header`, `max_tokens`): the value of such a key is public or points elsewhere.
 */
const DESCRIPTIVE_WORDS: ReadonlySet<string> = new Set([
  'hash', 'hashed', 'digest', 'sha', 'checksum', 'integrity', 'id', 'ids', 'uuid', 'public', 'pub', 'type', 'types',
  'length', 'len', 'max', 'min', 'count', 'limit', 'limits', 'url', 'uri', 'endpoint', 'file', 'path', 'dir', 'name',
  'names', 'header', 'field', 'label', 'prompt', 'placeholder', 'expires', 'expiry', 'expire', 'ttl', 'timeout',
  'format', 'regex', 'pattern', 'mode', 'env', 'var', 'prefix', 'policy', 'provider', 'method', 'kind', 'scheme',
  'version', 'required', 'enabled', 'location', 'usage', 'tokens', 'tokenizer', 'keys', 'index', 'size', 'text',
  'description', 'hint', 'error', 'message', 'cookie', 'param', 'query', 'reset', 'forgot', 'confirm', 'schema',
]);

/** Minimum length of a generic value: shorter literals are flags, words and enum values far more often than keys. */
export const GENERIC_MIN_LENGTH = 8;
/**
 * Minimum entropy (bits per character) of a value with digits or symbols. Human passwords such as `Tr0ub4dor&3`
 * score 3.1–3.3, random keys of 12+ characters ≥ 2.7 (minimum over 2,000 random base62 samples); 2.5 drops only
 * patterned values like `aaaa1111`.
 */
export const GENERIC_MIN_ENTROPY = 2.5;
/**
 * Letters-only values are words or identifiers (`client_credentials` 3.35, `ThisIsMyPassword` 3.50) unless long and
 * random: random letters of 24+ characters score ≥ 3.7, identifiers of that length rarely above 3.7.
 */
export const GENERIC_LETTERS_MIN_LENGTH = 24;
export const GENERIC_LETTERS_MIN_ENTROPY = 3.7;

/** Characters of a key name: `[A-Za-z0-9_.$-]`. By code, not regex: this runs once per character around each hit. */
function isKeyChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) ||
    code === 95 || code === 46 || code === 36 || code === 45
  );
}
const ASSIGNMENT_TAIL = /["']?[ \t]*(?::=|=>|===?|=|:)[ \t]*/y;
const UNQUOTED_VALUE = /[^\s,;)\]}>]+/y;

/** Every generic secret value in `text`, in order of position. */
export function findGenericSecrets(text: string): GenericMatch[] {
  const matches: GenericMatch[] = [];
  KEYWORD_PATTERN.lastIndex = 0;
  for (let hit = KEYWORD_PATTERN.exec(text); hit !== null; hit = KEYWORD_PATTERN.exec(text)) {
    let keyStart = hit.index;
    while (keyStart > 0 && isKeyChar(text.charCodeAt(keyStart - 1))) keyStart--;
    let keyEnd = hit.index + hit[0].length;
    while (keyEnd < text.length && isKeyChar(text.charCodeAt(keyEnd))) keyEnd++;
    KEYWORD_PATTERN.lastIndex = keyEnd;
    ASSIGNMENT_TAIL.lastIndex = keyEnd;
    if (!ASSIGNMENT_TAIL.test(text) || !isSecretKeyName(text.slice(keyStart, keyEnd))) continue;
    const value = readValue(text, ASSIGNMENT_TAIL.lastIndex);
    if (value === undefined || !isSecretValue(text.slice(value.start, value.end), value.isQuoted)) continue;
    matches.push({ start: value.start, end: value.end });
    KEYWORD_PATTERN.lastIndex = value.end;
  }
  return matches;
}

/** Splits `clientSecret`, `CLIENT_SECRET`, `client-secret`, `x.client.secret` into lower-case words. */
function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

/** True when the key names a secret (`db_password`, `apiKey`) and not a property of one (`password_hash`). */
export function isSecretKeyName(key: string): boolean {
  const words = keyWords(key);
  if (words.length === 0 || words.some((word) => DESCRIPTIVE_WORDS.has(word))) return false;
  return words.some(
    (word, index) => SECRET_WORDS.has(word) || (word === 'key' && index > 0 && KEY_QUALIFIERS.has(words[index - 1]!)),
  );
}

/** The value after `=`/`:`: a quoted literal on the same line, or an unquoted run. */
function readValue(text: string, start: number): { start: number; end: number; isQuoted: boolean } | undefined {
  const quote = text[start];
  if (quote === '"' || quote === "'" || quote === '`') {
    for (let index = start + 1; index < text.length; index++) {
      const char = text[index];
      if (char === '\\') index++;
      else if (char === quote) return { start: start + 1, end: index, isQuoted: true };
      else if (char === '\n') return undefined;
    }
    return undefined;
  }
  UNQUOTED_VALUE.lastIndex = start;
  const run = UNQUOTED_VALUE.exec(text);
  return run === null ? undefined : { start, end: start + run[0].length, isQuoted: false };
}

/**
 * True for a literal that looks like a credential: long enough, not a placeholder, reference or public shape, with
 * entropy above the thresholds. Unquoted values must carry a digit and no call or index syntax: otherwise they are
 * code (`token = request.headers`, `password: str`).
 */
export function isSecretValue(value: string, isQuoted: boolean): boolean {
  if (value.length < GENERIC_MIN_LENGTH || /\s/.test(value)) return false;
  if (isPlaceholder(value) || isPublicShape(value)) return false;
  if (!isQuoted && (!/\d/.test(value) || /[([{<"'`]/.test(value) || /^[&*@!|>]/.test(value) || isDottedName(value))) {
    return false;
  }
  if (/^[A-Za-z_.-]+$/.test(value)) {
    return (
      value.length >= GENERIC_LETTERS_MIN_LENGTH &&
      !/[_.-]/.test(value) &&
      shannonEntropy(value) >= GENERIC_LETTERS_MIN_ENTROPY
    );
  }
  return shannonEntropy(value) >= GENERIC_MIN_ENTROPY;
}

/** `oauth2.auth`, `settings.API_KEY2`: an unquoted member access is code that reads the secret, not the secret. */
function isDottedName(value: string): boolean {
  return /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(value);
}
