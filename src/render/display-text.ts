/**
 * Names, paths and notes shown on a single line (tree lines, headings, delimiters). A name that could be misread —
 * control characters or line breaks of any kind, lone surrogates, edge whitespace, a leading quote, an empty segment,
 * or a trailing ` (…)` that looks like a level marker — is shown as a JSON string literal instead, which is
 * unambiguous and keeps the line a single line.
 */
const NEEDS_QUOTES = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\p{Cs}]|^$|^\s|\s$|^"|\s\(.*\)$/u;
/** Characters `JSON.stringify` leaves raw although some readers break lines on them or hide them. */
const RAW_IN_JSON = /[\u007f-\u009f\u2028\u2029]/g;

function unicodeEscape(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** `src/a.ts` → `src/a.ts`; `a\nb` → `"a\nb"`. */
export function displayText(text: string): string {
  return NEEDS_QUOTES.test(text) ? JSON.stringify(text).replace(RAW_IN_JSON, unicodeEscape) : text;
}
