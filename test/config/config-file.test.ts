import { readFileSync } from 'node:fs';
import { ConfigError } from '../../src/shared/errors.js';
import { CONFIG_SETTINGS, loadConfig, parseJson, validateConfig } from '../../src/config/index.js';
import { jsonErrorOffset } from '../../src/config/json-error-position.js';
import { makeRepo, type TempRepo } from '../helpers/make-repo.js';

const schema = JSON.parse(readFileSync(new URL('../../schema/repopack.schema.json', import.meta.url), 'utf8')) as {
  properties: Record<string, { type?: string | string[]; enum?: string[]; minimum?: number; maximum?: number }>;
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
    [{ budget: true }, '$.budget must be a token count: a number or a string such as "128k", found boolean true'],
    [{ budget: '12q' }, '$.budget must be a token count: a number or a string such as "128k", found the string "12q"'],
    [{ maxFileSize: 'big' }, '$.maxFileSize must be a size: a number of bytes or a string such as "1mb"'],
    [{ style: 'yaml' }, '$.style must be one of "xml", "markdown", "plain", "json", found the string "yaml"'],
    [{ order: 'random' }, '$.order must be one of "rank", "edges"'],
    [{ secrets: true }, '$.secrets must be one of "redact", "drop", "off", found boolean true'],
    [{ split: 0 }, '$.split must be a whole number from 1 to 100, found number 0'],
    [{ split: 2.5 }, '$.split must be a whole number from 1 to 100'],
    [{ lineNumbers: 'yes' }, '$.lineNumbers must be true or false, found the string "yes"'],
    [{ instructions: '' }, '$.instructions must be a non-empty path (relative to the config file)'],
    [{ model: 'gpt-9' }, '$.model must be a known model, found the string "gpt-9"; use one of: qwen3-coder'],
    [{ include: 'src/**' }, '$.include must be an array of strings, found the string "src/**"'],
    [{ budgte: '1k' }, '$.budgte is not a known setting; known: model, budget, reserve'],
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
      ({ boolean: true, array: [], integer: 1 } as Record<string, unknown>)[[type].flat()[0] ?? ''] ?? '1k';
    for (const [key, property] of Object.entries(schema.properties)) {
      const value = key === 'overrides' ? [] : key === 'model' ? 'gpt-4o' : property.enum ? property.enum[0] : sample(property.type);
      expect(() => validateConfig({ [key]: value }, 'c')).not.toThrow();
    }
    expect(Object.keys(schema.properties).sort()).toEqual(['$schema', 'overrides', ...Object.keys(CONFIG_SETTINGS)].sort());
    for (const [key, setting] of Object.entries(CONFIG_SETTINGS)) {
      const property = schema.properties[key]!;
      if (setting.kind.type === 'choice') expect(property.enum).toEqual(setting.kind.choices);
      if (setting.kind.type === 'integer') expect([property.minimum, property.maximum]).toEqual([setting.kind.min, setting.kind.max]);
    }
    const unknown = ['focus', 'verbose', 'diff', 'tokensOnly'].filter((key) => !(key in schema.properties));
    expect(unknown).toHaveLength(4);
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
