/**
 * The prefilter: which of a fixed set of ASCII keywords occur in a text, case-insensitively, in one pass. Running
 * `includes` once per keyword costs a pass per keyword (about 100 passes for the rule table), and one regex
 * alternation of all keywords runs at ~50 MB/s in V8; a two-character bucket table keeps it to one pass at several
 * hundred MB/s, so a file without candidates costs about one read of its characters.
 */

/**
 * Buckets are indexed by the low 7 bits of two characters with bit 0x20 set: that folds ASCII case in one
 * operation (it also folds a few symbol pairs such as `@` and `` ` ``, which only costs a confirming comparison).
 */
const BUCKET_BITS = 7;
const BUCKET_COUNT = 1 << (2 * BUCKET_BITS);
const LOW_MASK = (1 << BUCKET_BITS) - 1;

/** A compiled keyword set. */
export interface KeywordScanner {
  /** The keywords (as given: lower-case ASCII, ≥ 2 characters) found in `text`, ignoring ASCII case. */
  present(text: string): Set<string>;
}

/** ASCII lower case of a UTF-16 code unit; other characters unchanged. */
function lower(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

function bucketOf(first: number, second: number): number {
  return (((first | 0x20) & LOW_MASK) << BUCKET_BITS) | ((second | 0x20) & LOW_MASK);
}

/** Compiles lower-case ASCII keywords of two or more characters. */
export function compileKeywords(keywords: readonly string[]): KeywordScanner {
  // A byte table answers the common case (no keyword starts here) without touching the bucket lists.
  const isStart = new Uint8Array(BUCKET_COUNT);
  const buckets = new Map<number, string[]>();
  for (const keyword of new Set(keywords)) {
    if (keyword.length < 2 || keyword !== keyword.toLowerCase()) throw new Error(`bad keyword "${keyword}"`);
    const bucket = bucketOf(keyword.charCodeAt(0), keyword.charCodeAt(1));
    isStart[bucket] = 1;
    buckets.set(bucket, [...(buckets.get(bucket) ?? []), keyword]);
  }
  return {
    present(text: string): Set<string> {
      const found = new Set<string>();
      const last = text.length - 1;
      let next = text.charCodeAt(0);
      for (let index = 0; index < last; index++) {
        const current = next;
        next = text.charCodeAt(index + 1);
        const bucket = bucketOf(current, next);
        if (isStart[bucket] === 0) continue;
        for (const keyword of buckets.get(bucket)!) {
          if (!found.has(keyword) && matchesAt(text, index, keyword)) found.add(keyword);
        }
      }
      return found;
    },
  };
}

function matchesAt(text: string, index: number, keyword: string): boolean {
  if (index + keyword.length > text.length) return false;
  for (let offset = 0; offset < keyword.length; offset++) {
    if (lower(text.charCodeAt(index + offset)) !== keyword.charCodeAt(offset)) return false;
  }
  return true;
}
