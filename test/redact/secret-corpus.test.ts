import { redactSecrets } from '../../src/redact/index.js';
import { LOOK_ALIKE_FIXTURES, SECRET_FIXTURES } from './secret-corpus.js';

/** Acceptance thresholds from the hardening issue. */
const MIN_RECALL = 0.95;
const MAX_FALSE_POSITIVE_RATE = 0.05;

function lineCount(text: string): number {
  return text.split('\n').length;
}

describe('secret corpus', () => {
  it(`has at least 40 secret fixtures and 20 look-alikes`, () => {
    expect(SECRET_FIXTURES.length).toBeGreaterThanOrEqual(40);
    expect(LOOK_ALIKE_FIXTURES.length).toBeGreaterThanOrEqual(20);
  });

  it(`catches ≥ ${MIN_RECALL * 100}% of secrets and flags ≤ ${MAX_FALSE_POSITIVE_RATE * 100}% of look-alikes`, () => {
    const missed: string[] = [];
    for (const fixture of SECRET_FIXTURES) {
      const { text, findings } = redactSecrets(fixture.text);
      const isCaught = findings.length > 0 && fixture.secrets.every((secret) => !text.includes(secret));
      if (!isCaught) missed.push(`${fixture.name} (${fixture.path})`);
      // Line structure is kept whatever was redacted.
      expect(lineCount(text)).toBe(lineCount(fixture.text));
    }
    const flagged: string[] = [];
    for (const fixture of LOOK_ALIKE_FIXTURES) {
      const { text, findings } = redactSecrets(fixture.text);
      if (findings.length > 0 || text !== fixture.text) {
        flagged.push(`${fixture.name}: ${findings.map((finding) => finding.rule).join(', ')}`);
      }
    }
    const recall = 1 - missed.length / SECRET_FIXTURES.length;
    const falsePositiveRate = flagged.length / LOOK_ALIKE_FIXTURES.length;
    console.log(
      `secret corpus: recall ${(recall * 100).toFixed(1)}% (${SECRET_FIXTURES.length - missed.length}/${SECRET_FIXTURES.length}), ` +
        `false positives ${(falsePositiveRate * 100).toFixed(1)}% (${flagged.length}/${LOOK_ALIKE_FIXTURES.length})` +
        (missed.length > 0 ? `\nmissed: ${missed.join('; ')}` : '') +
        (flagged.length > 0 ? `\nflagged: ${flagged.join('; ')}` : ''),
    );
    expect(recall).toBeGreaterThanOrEqual(MIN_RECALL);
    expect(falsePositiveRate).toBeLessThanOrEqual(MAX_FALSE_POSITIVE_RATE);
  });
});
