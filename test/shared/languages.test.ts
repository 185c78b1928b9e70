import { detectLanguage } from '../../src/shared/languages.js';

describe('detectLanguage', () => {
  it('knows names and extensions', () => {
    expect(detectLanguage('src/app.ts')).toEqual({ language: 'typescript', kind: 'code' });
    expect(detectLanguage('docker/Dockerfile')).toEqual({ language: 'dockerfile', kind: 'config' });
  });

  it("never answers with Object.prototype's members for files named like them", () => {
    for (const path of ['lib/constructor', 'a/toString', 'x.constructor', 'y.__proto__', 'hasOwnProperty', 'z.valueOf']) {
      expect(detectLanguage(path)).toEqual({ language: undefined, kind: 'doc' });
    }
  });
});
