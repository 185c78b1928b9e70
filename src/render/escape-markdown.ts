/**
 * Fences for the markdown style. A CommonMark fence closes only on a run of at least as many backticks as opened it,
 * so a fence one longer than the longest backtick run anywhere in the content can never be closed from inside.
 */

/** CommonMark's shortest fence. */
const MIN_FENCE_LENGTH = 3;
const BACKTICK_RUN = /`+/g;
/** Info strings we pass through; anything else (spaces, backticks) could break the opening line, so it is dropped. */
const SAFE_INFO = /^[A-Za-z0-9_+#.-]+$/;

/** Length of the longest run of consecutive backticks in `text` (0 if none). */
export function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const match of text.matchAll(BACKTICK_RUN)) longest = Math.max(longest, match[0].length);
  return longest;
}

/** A backtick fence that `text` cannot close: at least 3, and longer than any backtick run in `text`. */
export function fenceFor(text: string): string {
  return '`'.repeat(Math.max(MIN_FENCE_LENGTH, longestBacktickRun(text) + 1));
}

/** The fence info string for a language id, `''` when unknown or unsafe. */
export function fenceInfo(language: string | undefined): string {
  return language !== undefined && SAFE_INFO.test(language) ? language : '';
}
