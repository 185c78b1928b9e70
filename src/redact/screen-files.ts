import type { Collection, SecretRedaction, SkippedFile, SourceFile } from '../shared/types.js';
import { redactSecrets } from './redact-secrets.js';

/** What to do with a file in which secrets are found. */
export type SecretsMode = 'redact' | 'drop' | 'off';

/** All secrets modes, for the CLI's choices. */
export const SECRETS_MODES: readonly SecretsMode[] = ['redact', 'drop', 'off'];

/** The collection as it may enter the bundle, and every secret found in it. */
export interface ScreenedCollection {
  readonly collection: Collection;
  /** Every finding, by path then line (code-unit order); with `drop`, the findings of the dropped files. */
  readonly redactions: readonly SecretRedaction[];
}

/**
 * Scans every collected file for secrets. `redact` replaces them in the text (all later levels derive from it);
 * `drop` moves each file with a finding to `skipped` with reason `secret`; `off` passes the collection through.
 */
export function screenSecrets(collection: Collection, mode: SecretsMode): ScreenedCollection {
  if (mode === 'off') return { collection, redactions: [] };
  const files: SourceFile[] = [];
  const dropped: SkippedFile[] = [];
  const redactions: SecretRedaction[] = [];
  for (const file of collection.files) {
    const result = redactSecrets(file.text);
    for (const finding of result.findings) redactions.push({ path: file.path, ...finding });
    if (result.findings.length === 0) files.push(file);
    else if (mode === 'redact') files.push({ ...file, text: result.text });
    else dropped.push({ path: file.path, reason: 'secret', detail: describeFindings(result.findings.length) });
  }
  if (dropped.length === 0) return { collection: { ...collection, files }, redactions };
  const skipped = [...collection.skipped, ...dropped].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { collection: { ...collection, files, skipped }, redactions };
}

function describeFindings(count: number): string {
  return count === 1 ? '1 suspected secret' : `${count} suspected secrets`;
}
