/**
 * redact: collected files in → the same files with credentials replaced by `[REDACTED:<rule>]` (or set aside with
 * reason `secret`), plus where each one was. Pure: runs between collect and analyze, so every level shown in the
 * bundle (full, stripped, skeleton, outline, head) is derived from redacted text.
 */
export { redactSecrets, type RedactionResult, type SecretFinding } from './redact-secrets.js';
export { screenSecrets, SECRETS_MODES, type ScreenedCollection, type SecretsMode } from './screen-files.js';
export { SECRET_RULES, type SecretRule } from './secret-rules.js';
export { GENERIC_RULE_ID } from './generic-assignments.js';
