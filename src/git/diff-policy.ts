/** Which patches are shown in full and which are summarised as a stat line. Pure. */

/**
 * Patches longer than this many changed lines (added + removed) are summarised. 2,000 lines of diff are roughly
 * 20–30k tokens (measured on TypeScript and Go diffs at ~12 tokens per line), most of a 32k window: past that the
 * reader is better served by the stat and the new file text.
 */
export const MAX_PATCH_CHANGED_LINES = 2_000;

/**
 * Generated files whose diffs carry no reviewable meaning: lockfiles, test snapshots, minified bundles, source maps.
 * Matched against the base name (or the path for snapshot folders).
 */
const GENERATED_PATTERNS: readonly { readonly pattern: RegExp; readonly label: string }[] = [
  {
    pattern:
      /(^|\/)(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?|Cargo\.lock|go\.sum|poetry\.lock|uv\.lock|Pipfile\.lock|composer\.lock|Gemfile\.lock|mix\.lock|pubspec\.lock|Podfile\.lock|flake\.lock|packages\.lock\.json)$/,
    label: 'lockfile',
  },
  { pattern: /(\.snap|\.ambr)$|(^|\/)__snapshots__\//, label: 'test snapshot' },
  { pattern: /\.min\.(js|css|mjs)$|\.bundle\.js$/, label: 'minified file' },
  { pattern: /\.map$/, label: 'source map' },
];

/** What a patch becomes: shown, or omitted with a reason. */
export type PatchDecision = { readonly show: true } | { readonly show: false; readonly reason: string };

/** Facts the decision needs about one change. */
export interface PatchFacts {
  readonly path: string;
  readonly status: string;
  readonly isBinary: boolean;
  readonly changedLines: number;
}

/**
 * Added files show no patch: their new text is offered as a file section, so the patch would repeat it with `+`
 * prefixes. Binary files have none; generated files and huge patches are summarised.
 */
export function decidePatch(facts: PatchFacts): PatchDecision {
  if (facts.isBinary) return { show: false, reason: 'binary' };
  if (facts.status === 'added') return { show: false, reason: 'new file: its text is in the files section' };
  const generated = GENERATED_PATTERNS.find(({ pattern }) => pattern.test(facts.path));
  if (generated) return { show: false, reason: generated.label };
  if (facts.changedLines > MAX_PATCH_CHANGED_LINES) {
    return { show: false, reason: `${facts.changedLines.toLocaleString('en-US')} changed lines > ${MAX_PATCH_CHANGED_LINES.toLocaleString('en-US')}` };
  }
  return { show: true };
}

/**
 * A patch part without what the section already says: the `diff --git`, `index` and `---`/`+++` lines before the
 * first hunk. Mode, rename, similarity and `Binary files … differ` lines stay.
 */
export function trimPatchHeader(part: string): string {
  const hunk = part.search(/^@@/m);
  const head = hunk === -1 ? part : part.slice(0, hunk);
  const kept = head
    .split('\n')
    .filter((line) => line !== '' && !/^(diff --git |index |--- |\+\+\+ )/.test(line))
    .map((line) => `${line}\n`)
    .join('');
  return kept + (hunk === -1 ? '' : part.slice(hunk));
}
