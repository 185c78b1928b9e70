/**
 * The key a snapshot records in its header: a digest of everything its bytes depend on (what git hands it, the pack
 * options, the tool version). A later `repopack snapshot` that computes the same key leaves the file as it is without
 * packing, which is what makes a warm snapshot cheap; any staged change, option or version change gives a new key.
 */
import { createHash } from 'node:crypto';
import type { IndexFingerprint } from '../git/index.js';

/** Label of the key line in the bundle header (`snapshot-key: <hex>`). */
export const SNAPSHOT_KEY_LABEL = 'snapshot-key:';
/**
 * Hex digits of SHA-256 kept: 128 bits, far past any chance collision between two states of one repository, at about
 * half the tokens of the full digest in every snapshot.
 */
const KEY_HEX_DIGITS = 32;

/** Everything a snapshot's bytes depend on. */
export interface SnapshotKeyInput {
  readonly fingerprint: IndexFingerprint;
  /** The pack options as passed to `pack`, without the absolute root (moving the clone changes nothing). */
  readonly packOptions: Readonly<Record<string, unknown>>;
  /** Base name of the root, shown in the bundle. */
  readonly rootName: string;
  /** `package.json` version of repopack: a new version may pack differently. */
  readonly toolVersion: string;
}

/** The key of `input`: the first KEY_HEX_DIGITS hex digits of SHA-256 over its JSON. */
export function snapshotKey(input: SnapshotKeyInput): string {
  const text = JSON.stringify([input.toolVersion, input.rootName, input.packOptions, input.fingerprint]);
  return createHash('sha256').update(text).digest('hex').slice(0, KEY_HEX_DIGITS);
}

/** The header line recording `key`. */
export function snapshotKeyLine(key: string): string {
  return `${SNAPSHOT_KEY_LABEL} ${key}`;
}
