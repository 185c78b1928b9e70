/**
 * Grammar loading. The Swift→Bash case is the regression of a load that waited seconds behind V8's background
 * tier-up of the Swift lexer: it must load and parse correctly in that order, in one process, and the temporary
 * `WebAssembly.instantiate` override must not outlive the load. Jest's timeout would catch the wait where it shows.
 */
import { GrammarRegistry } from '../../src/analyze/grammar-registry.js';
import { fixtureFile, parsesWithoutErrors } from './syntax-fixture-file.js';

/** Parses before loading Bash: one reproduced the wait in a plain Node process (inside jest it did not show). */
const SWIFT_WARM_UP_PARSES = 5;

const wasm = (globalThis as unknown as { WebAssembly: { instantiate: unknown } }).WebAssembly;

describe('GrammarRegistry', () => {
  it('#3 loads Bash after parsing with Swift, and both parse correctly', async () => {
    const registry = new GrammarRegistry();
    const instantiate = wasm.instantiate;
    try {
      const swift = await registry.load('swift');
      // Enough parsing for V8 to start optimising the Swift lexer in the background, which is what delayed Bash.
      const swiftText = fixtureFile('sample.swift').text;
      for (let round = 0; round < SWIFT_WARM_UP_PARSES; round += 1) {
        expect(parsesWithoutErrors(swift.parser, swiftText)).toBe(true);
      }
      const bash = await registry.load('bash');
      expect(parsesWithoutErrors(bash.parser, fixtureFile('sample.sh').text)).toBe(true);
      expect(parsesWithoutErrors(swift.parser, fixtureFile('sample.swift').text)).toBe(true);
      expect(wasm.instantiate).toBe(instantiate);
    } finally {
      registry.dispose();
    }
  });

  it('loads several grammars at once, each once, and restores WebAssembly.instantiate', async () => {
    const registry = new GrammarRegistry();
    const instantiate = wasm.instantiate;
    try {
      const [go, rust, goAgain] = await Promise.all([registry.load('go'), registry.load('rust'), registry.load('go')]);
      expect(goAgain).toBe(go);
      expect(parsesWithoutErrors(go.parser, 'package main\nfunc main() {}\n')).toBe(true);
      expect(parsesWithoutErrors(rust.parser, 'fn main() {}\n')).toBe(true);
      expect(parsesWithoutErrors(rust.parser, 'fn main( {}\n')).toBe(false);
      expect(wasm.instantiate).toBe(instantiate);
    } finally {
      registry.dispose();
    }
  });

  it('rejects an unknown language without leaving the override behind', async () => {
    const registry = new GrammarRegistry();
    const instantiate = wasm.instantiate;
    await expect(registry.load('cobol')).rejects.toThrow('no grammar for language "cobol"');
    expect(wasm.instantiate).toBe(instantiate);
    registry.dispose();
  });
});
