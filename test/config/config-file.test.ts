import { readFileSync } from 'node:fs';
import { ConfigError } from '../../src/shared/errors.js';
import { loadConfig, parseJson, validateConfig } from '../../src/config/index.js';
import { jsonErrorOffset } from '../../src/config/json-error-position.js';
import { makeRepo, type TempRepo } from '../helpers/make-repo.js';

const schema = JSON.parse(readFileSync(new URL('../../schema/repopack.schema.json', import.meta.url), 'utf8')) as {
  properties: Record<string, { type?: string | string[]; enum?: string[] }>;
};

function errorOf(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe('validateConfig', () => {
  it('accepts every setting and ignores $schema and // comment keys', () => {
    const config = {
      $schema: 'x',
      '//': 'a comment',
      budget: '64k',
      model: 'gpt-4o',
      reserve: 8000,
      style: 'markdown',
      include: ['src/**'],
      overrides: [{ files: 'docs/**', level: 'outline', '//': 'why' }, { files: ['gen/**'], exclude: true, priority: 0.5 }],
    };
    expect(validateConfig(config, 'c.json')).toEqual({
      budget: '64k',
      model: 'gpt-4o',
      reserve: 8000,
      style: 'markdown',
      include: ['src/**'],
      overrides: [{ files: ['docs/**'], level: 'outline' }, { files: ['gen/**'], exclude: true, priority: 0.5 }],
    });
  });

  it.each([
    [{ budget: true }, '$.budget must be a number or a string such as "128k", found boolean true'],
    [{ include: 'src/**' }, '$.include must be an array of strings, found the string "src/**"'],
    [{ budgte: '1k' }, '$.budgte is not a known setting; known: budget'],
    [{ overrides: {} }, '$.overrides must be an array of objects'],
    [{ overrides: [{ files: 'a' }, { files: 'b', level: 'tiny' }] }, '$.overrides[1].level must be one of "full"'],
    [{ overrides: [{ level: 'path' }] }, '$.overrides[0].files must be a glob or a non-empty array of globs'],
    [{ overrides: [{ files: 'a', priority: 0 }] }, '$.overrides[0].priority must be a number greater than 0, found number 0'],
    [{ overrides: [{ files: 'a', exlude: true }] }, '$.overrides[0].exlude is not a known override setting'],
    [[1], '$ must be an object, found an array'],
  ])('rejects %j naming the JSON path and the expected type', (config, message) => {
    const error = errorOf(() => validateConfig(config, 'repopack.config.json'));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toContain(`repopack.config.json: ${message}`);
  });

  it('knows exactly the settings the shipped JSON schema describes', () => {
    const sample = (type: string | string[] | undefined) =>
      ([type].flat()[0] === 'boolean' ? true : [type].flat()[0] === 'array' ? [] : 'x');
    for (const [key, property] of Object.entries(schema.properties)) {
      const value = key === 'overrides' ? [] : property.enum ? property.enum[0] : sample(property.type);
      expect(() => validateConfig({ [key]: value }, 'c')).not.toThrow();
    }
    const unknown = ['headerText', 'focus', 'verbose'].filter((key) => !(key in schema.properties));
    for (const key of unknown) expect(() => validateConfig({ [key]: 'x' }, 'c')).toThrow(/not a known setting/);
  });
});

describe('parseJson', () => {
  it('reports the line and column of a syntax error', () => {
    const error = errorOf(() => parseJson('{\n  "budget": "32k",\n  "style": xml\n}\n', 'repopack.config.json'));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatch(/^repopack\.config\.json:3:12: not valid JSON/);
  });

  it('reads a file that starts with a byte-order mark', () => {
    expect(parseJson('\ufeff{"a": 1}', 'c')).toEqual({ a: 1 });
  });
});

describe('loadConfig', () => {
  let repo: TempRepo;
  afterEach(() => repo.cleanup());

  it('prefers repopack.config.json over the package.json key', async () => {
    repo = await makeRepo({
      'repopack.config.json': '{ "budget": "64k" }',
      'package.json': '{ "name": "x", "repopack": { "budget": "8k" } }',
    });
    const loaded = await loadConfig({ root: repo.root });
    expect(loaded?.values).toEqual({ budget: '64k' });
    expect(loaded?.source).toBe('repopack.config.json');
  });

  it('reads the repopack key of package.json, and nothing when neither exists', async () => {
    repo = await makeRepo({ 'package.json': '{ "name": "x", "repopack": { "style": "plain" } }', 'sub/a.txt': 'a' });
    expect((await loadConfig({ root: repo.root }))?.values).toEqual({ style: 'plain' });
    expect(await loadConfig({ root: `${repo.root}/sub` })).toBeUndefined();
  });

  it('names the bad key in package.json by its section', async () => {
    repo = await makeRepo({ 'package.json': '{ "repopack": { "compress": "yes" } }' });
    await expect(loadConfig({ root: repo.root })).rejects.toThrow('package.json#repopack: $.compress must be true or false');
  });

  it('fails on a --config file that does not exist', async () => {
    repo = await makeRepo({ 'a.txt': 'a' });
    await expect(loadConfig({ root: repo.root, file: `${repo.root}/missing.json` })).rejects.toThrow(ConfigError);
  });
});

describe('jsonErrorOffset', () => {
  it.each([
    ['{"a": 1}', -1],
    ['[1, 2, {"b": [true, false, null, -1.5e3, "x\\u00e9\\n"]}]', -1],
    ['{"a": 1,}', 8],
    ['{"a": 01}', 7],
    ['// c\n{}', 0],
    ['{"a": "b"', 9],
    ['{"a" 1}', 5],
    ['[1] x', 4],
    ['"\\q"', 2],
  ])('finds where %j goes wrong (%d), agreeing with JSON.parse on validity', (text, offset) => {
    expect(jsonErrorOffset(text)).toBe(offset);
    let valid = true;
    try {
      JSON.parse(text);
    } catch {
      valid = false;
    }
    expect(valid).toBe(offset === -1);
  });
});
