import { redactSecrets, screenSecrets } from '../../src/redact/index.js';
import type { Collection, SourceFile } from '../../src/shared/types.js';

/** Fake credentials are assembled from pieces so the repository holds no scanner-looking literal. */
const AWS_ID = ['AK', 'IA', 'Q2W3E4R5T6Y7U2I3'].join('');
const GITHUB = ['gh', 'p_', 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'].join('');
const PEM_BODY = Array.from({ length: 3 }, (_, index) => `MIIE${String(index).repeat(60)}`).join('\n');

function sourceFile(path: string, text: string): SourceFile {
  return { path, bytes: text.length, kind: 'code', language: undefined, encoding: 'utf8', text };
}

describe('redactSecrets', () => {
  it('replaces only the secret with [REDACTED:<rule>] and reports its 1-based line', () => {
    const text = `// config\nconst id = "${AWS_ID}";\nconst other = 1;\n`;
    const result = redactSecrets(text);
    expect(result.text).toBe(`// config\nconst id = "[REDACTED:aws-access-key]";\nconst other = 1;\n`);
    expect(result.findings).toEqual([{ rule: 'aws-access-key', line: 2 }]);
  });

  it('keeps the line count of a multi-line private key: marker on the first line, then blank lines', () => {
    const text = `before\n-----BEGIN RSA PRIVATE KEY-----\n${PEM_BODY}\n-----END RSA PRIVATE KEY-----\nafter ${GITHUB}\n`;
    const result = redactSecrets(text);
    expect(result.text).toBe('before\n[REDACTED:private-key]\n\n\n\n\nafter [REDACTED:github-token]\n');
    expect(result.findings).toEqual([
      { rule: 'private-key', line: 2 },
      { rule: 'github-token', line: 7 },
    ]);
  });

  it('keeps CRLF line breaks inside and around a redacted block', () => {
    const text = `a\r\n-----BEGIN EC PRIVATE KEY-----\r\n${PEM_BODY.split('\n').join('\r\n')}\r\n-----END EC PRIVATE KEY-----\r\nb\r\n`;
    expect(redactSecrets(text).text).toBe('a\r\n[REDACTED:private-key]\r\n\r\n\r\n\r\n\r\nb\r\n');
  });

  it('names a secret by the specific rule when the generic detector also sees it', () => {
    const result = redactSecrets(`GITHUB_TOKEN="${GITHUB}"\n`);
    expect(result.findings).toEqual([{ rule: 'github-token', line: 1 }]);
    expect(result.text).toBe('GITHUB_TOKEN="[REDACTED:github-token]"\n');
  });

  it('redacts generic secrets in each assignment style and keeps the keys', () => {
    const value = 'q8Zr2Lp0Xv7Nw4Ks';
    const styles = [`API_KEY = "${value}"`, `apiKey: '${value}'`, `"client_secret": "${value}"`, `PASSWORD=${value}`, `'password' => '${value}'`];
    for (const line of styles) {
      const result = redactSecrets(line);
      expect(result.text).toBe(line.replace(value, '[REDACTED:generic-secret]'));
    }
  });

  it('leaves text without candidates identical (same string)', () => {
    const text = 'export function add(a: number, b: number) {\n  return a + b;\n}\n';
    const result = redactSecrets(text);
    expect(result.text).toBe(text);
    expect(result.findings).toEqual([]);
  });

  it('redacts every occurrence, in order', () => {
    const result = redactSecrets(`${AWS_ID}\n\n${AWS_ID} ${GITHUB}\n`);
    expect(result.findings.map((finding) => `${finding.rule}@${finding.line}`)).toEqual([
      'aws-access-key@1',
      'aws-access-key@3',
      'github-token@3',
    ]);
  });
});

describe('screenSecrets', () => {
  const collection: Collection = {
    files: [sourceFile('a.ts', `const k = "${AWS_ID}";\n`), sourceFile('b.ts', 'const b = 2;\n')],
    skipped: [{ path: 'z.bin', reason: 'binary' }],
    warnings: [],
  };

  it('redact: keeps every file, with redacted text, and lists where each secret was', () => {
    const screened = screenSecrets(collection, 'redact');
    expect(screened.collection.files.map((file) => file.text)).toEqual(['const k = "[REDACTED:aws-access-key]";\n', 'const b = 2;\n']);
    expect(screened.redactions).toEqual([{ path: 'a.ts', rule: 'aws-access-key', line: 1 }]);
  });

  it('drop: moves files with findings to skipped with reason secret, sorted by path', () => {
    const screened = screenSecrets(collection, 'drop');
    expect(screened.collection.files.map((file) => file.path)).toEqual(['b.ts']);
    expect(screened.collection.skipped).toEqual([
      { path: 'a.ts', reason: 'secret', detail: '1 suspected secret' },
      { path: 'z.bin', reason: 'binary' },
    ]);
  });

  it('off: passes the collection through unchanged', () => {
    const screened = screenSecrets(collection, 'off');
    expect(screened.collection).toBe(collection);
    expect(screened.redactions).toEqual([]);
  });
});
