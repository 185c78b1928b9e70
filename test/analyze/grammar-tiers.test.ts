/**
 * Which grammars are compiled for V8's baseline tier only. Swift's, Bash's and Kotlin's lexers are single huge WASM functions
 * whose background tier-up to TurboFan cost more CPU than a pack spends parsing (see `compileModule` in
 * grammar-registry.ts); every other grammar keeps V8's default tiering. V8 cannot be asked which tier a module was
 * compiled for, so the registry reports what each load switched on, and the parses show those modules still work.
 */
import { GrammarRegistry, isBaselineOnly, SUPPORTED_LANGUAGES } from '../../src/analyze/grammar-registry.js';
import { TreeSitterAnalyzer } from '../../src/analyze/syntax-analyzer.js';
import { fixtureFile, parsesWithoutErrors } from './syntax-fixture-file.js';

describe('grammar compile tiers', () => {
  it('marks exactly Swift, Bash and Kotlin baseline-only', () => {
    expect(SUPPORTED_LANGUAGES.filter((language) => isBaselineOnly(language))).toEqual(['bash', 'kotlin', 'swift']);
    expect(isBaselineOnly('cobol')).toBe(false);
  });

  it('compiles Swift baseline-only, then Java and C++ after a Swift parse with default tiering, all parsing', async () => {
    const registry = new GrammarRegistry();
    try {
      const swift = await registry.load('swift');
      expect(swift.compiledBaselineOnly).toBe(true);
      expect(parsesWithoutErrors(swift.parser, fixtureFile('sample.swift').text)).toBe(true);
      // Loaded after a Swift parse: the flag was set back, so these keep TurboFan.
      const java = await registry.load('java');
      const cpp = await registry.load('cpp');
      expect(java.compiledBaselineOnly).toBe(false);
      expect(cpp.compiledBaselineOnly).toBe(false);
      expect(parsesWithoutErrors(java.parser, fixtureFile('Sample.java').text)).toBe(true);
      expect(parsesWithoutErrors(cpp.parser, fixtureFile('sample.cpp').text)).toBe(true);
      const [bash, kotlin] = await Promise.all([registry.load('bash'), registry.load('kotlin')]);
      expect(bash.compiledBaselineOnly).toBe(true);
      expect(kotlin.compiledBaselineOnly).toBe(true);
      expect(parsesWithoutErrors(bash.parser, fixtureFile('sample.sh').text)).toBe(true);
      expect(parsesWithoutErrors(kotlin.parser, fixtureFile('sample.kt').text)).toBe(true);
      expect(parsesWithoutErrors(swift.parser, 'func f( {\n')).toBe(false);
    } finally {
      registry.dispose();
    }
  });

  it('analyzes Swift then Kotlin files in one analyzer into definitions', async () => {
    const analyzer = new TreeSitterAnalyzer();
    try {
      const swift = await analyzer.analyze(fixtureFile('sample.swift'));
      const kotlin = await analyzer.analyze(fixtureFile('sample.kt'));
      expect('failure' in swift ? swift.failure : swift.definitions.length).toBeGreaterThan(0);
      expect('failure' in kotlin ? kotlin.failure : kotlin.definitions.length).toBeGreaterThan(0);
    } finally {
      analyzer.dispose();
    }
  });
});
