/**
 * Checks on a candidate secret value: is it a placeholder, a reference to where the secret really lives, or a
 * value that has the shape of something public (a UUID, a commit hash, a version)? Shared by the service rules and
 * the generic `key = value` detector.
 */

/**
 * Words that mark a value as written to be replaced (`changeme`, `your-token-here`, `xxxx`), compared on the
 * lower-cased value. Chosen from the placeholders used in the README examples of the services the rules cover.
 * A real random credential contains one of these by chance with negligible probability (≥ 4 fixed letters).
 */
const PLACEHOLDER_WORDS: readonly string[] = [
  'changeme', 'change_me', 'change-me', 'changeit', 'example', 'sample', 'placeholder', 'dummy', 'fake', 'your',
  'xxxx', '****', '••••', '....', 'redacted', 'todo', 'fixme', 'insert', 'replace', 'secret_here', 'token_here',
  'notasecret', 'not-a-secret', 'not_a_secret', 'mock', 'test',
];

/** Values that are placeholders on their own, compared on the lower-cased value. */
const PLACEHOLDER_VALUES: ReadonlySet<string> = new Set([
  'password', 'passwd', 'pass', 'secret', 'token', 'apikey', 'api_key', 'api-key', 'none', 'null', 'nil', 'undefined',
  'true', 'false', 'empty', 'string', 'required', 'optional', 'hunter2', 'admin', 'root', 'user', 'username',
  'default', 'tbd', 'n/a', 'na', '...', 'foobar', 'foo', 'bar', 'baz', 'qwerty', '12345678', '123456789', 'abc123',
]);

/**
 * Where a value only names the real secret: `${VAR}`, `$VAR`, `{{ secrets.X }}`, `<your-token>`, `%(x)s`,
 * `process.env.X`, `os.environ[...]`, `os.getenv(...)`, `ENV['X']`, `env("X")`, Vault/SSM/Key Vault references.
 */
const REFERENCE_PATTERN =
  /\$\{|\$\(|\{\{|\{%|%\(|^\$[A-Za-z_]|^<[^>]*>$|^\[[^\]]*\]$|process\.env|os\.environ|getenv|\bENV\[|\benv\(|secrets\.|vault:|ssm:|@Microsoft\.KeyVault|^op:\/\//;

const UUID_PATTERN = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** A git object id (SHA-1, 40 hex digits): published in every log, never a credential. */
const GIT_SHA_PATTERN = /^[0-9a-f]{40}$/;
/** Integrity and digest strings as written by lockfiles and manifests (`sha512-…`, `sha256:…`). */
const DIGEST_PATTERN = /^(?:sha(?:1|224|256|384|512)|md5|blake2b?|xxh(?:32|64))[-:=]/i;
/** Versions, numbers, dates and times. */
const NUMERIC_PATTERN = /^[v=^~<>]*[\d.:\-+_]+$/;
const PATH_PATTERN = /^(?:\/|\.\.?\/|~\/|[A-Za-z]:\\)/;

/** True when the value was evidently written to be replaced, or only points to where the secret lives. */
export function isPlaceholder(value: string): boolean {
  const lower = value.toLowerCase();
  if (PLACEHOLDER_VALUES.has(lower)) return true;
  if (PLACEHOLDER_WORDS.some((word) => lower.includes(word))) return true;
  if (REFERENCE_PATTERN.test(value)) return true;
  // One character repeated (`********`, `00000000`) or a run such as `12345678`, `abcdefgh`.
  if (/^(.)\1+$/.test(value)) return true;
  return isAscendingRun(lower);
}

/** True for values with the shape of something public: UUIDs, commit hashes, digests, versions, paths, URLs. */
export function isPublicShape(value: string): boolean {
  return (
    UUID_PATTERN.test(value) ||
    GIT_SHA_PATTERN.test(value) ||
    DIGEST_PATTERN.test(value) ||
    NUMERIC_PATTERN.test(value) ||
    PATH_PATTERN.test(value) ||
    value.includes('://')
  );
}

/** Shannon entropy of the value's characters, in bits per character (0 for one repeated character). */
export function shannonEntropy(value: string): number {
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let entropy = 0;
  const length = [...value].length;
  for (const count of counts.values()) {
    const share = count / length;
    entropy -= share * Math.log2(share);
  }
  return entropy;
}

/** `abcdefgh`, `123456789`: each character one code point above the previous. */
function isAscendingRun(value: string): boolean {
  if (value.length < 4) return false;
  for (let index = 1; index < value.length; index++) {
    if (value.charCodeAt(index) !== value.charCodeAt(index - 1) + 1) return false;
  }
  return true;
}
