/** Jest on ESM: TypeScript is transpiled by swc, imports ending in `.js` are mapped back to the `.ts` sources. */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } }],
  },
  setupFilesAfterEnv: ['<rootDir>/test/helpers/isolate-cache.ts'],
  testTimeout: 60000,
};
