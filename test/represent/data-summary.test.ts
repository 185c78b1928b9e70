import { summarizeDocument, type Summary } from '../../src/represent/summarize.js';

function level(summaries: readonly Summary[], name: Summary['level']): Summary {
  const found = summaries.find((summary) => summary.level === name);
  if (!found) throw new Error(`no ${name} in ${JSON.stringify(summaries.map((summary) => summary.level))}`);
  return found;
}

const COMPOSE = [
  'version: "3.9"',
  '',
  '# application services',
  'services:',
  '  web:',
  '    image: example/web:1.4',
  '    environment:',
  ...Array.from({ length: 40 }, (_, index) => `      - VAR_${index}=value-${index}`),
  '    command: |',
  '      set -e',
  '      ./migrate.sh',
  '      ./seed.sh',
  '      # a comment inside the script',
  '      - not an item',
  '      exec ./serve',
  '    deploy:',
  '      resources:',
  '        limits:',
  '          cpus: "0.5"',
  '          devices:',
  '            - capabilities: [gpu]',
  '              driver: nvidia',
  '    labels:',
  `      description: ${'long '.repeat(60)}`,
  '  db:',
  '    image: postgres:16',
  '    ports:',
  '      - "5432:5432"',
  '      - "5433:5433"',
  '',
  'volumes:',
  '  data: {}',
].join('\n') + '\n';

describe('summarizeDocument on YAML', () => {
  const summaries = summarizeDocument('docker-compose.yml', 'yaml', COMPOSE);
  const skeleton = level(summaries, 'skeleton').text;

  it('samples long sequences with a count of the rest', () => {
    expect(skeleton).toContain(
      '    environment:\n      - VAR_0=value-0\n      - VAR_1=value-1\n      - VAR_2=value-2\n      # … 37 more items\n    command: |\n',
    );
    expect(skeleton).not.toContain('VAR_3=');
    expect(skeleton).toContain('    ports:\n      - "5432:5432"\n      - "5433:5433"\n');
  });

  it('keeps the first lines of block scalars as text, never reading them as items', () => {
    expect(skeleton).toContain('    command: |\n      set -e\n      ./migrate.sh\n      ./seed.sh\n      … 3 more lines\n    deploy:\n');
  });

  it('replaces lines past the depth limit by one marker and cuts long values', () => {
    expect(skeleton).toContain('      resources:\n        limits:\n          # … 4 deeper lines\n    labels:\n');
    expect(skeleton).not.toContain('cpus');
    expect(skeleton).toMatch(/ {6}description: (long ){20,}.*…\n/);
    expect(skeleton.split('\n').every((line) => line.length <= 161)).toBe(true);
  });

  it('keeps top-level comments and structure, and is shorter than the input', () => {
    expect(skeleton.startsWith('version: "3.9"\n\n# application services\nservices:\n  web:\n')).toBe(true);
    expect(skeleton.endsWith('volumes:\n  data: {}\n')).toBe(true);
    expect(skeleton.length).toBeLessThan(COMPOSE.length / 2);
  });

  it('outlines top-level keys with line numbers', () => {
    expect(level(summaries, 'outline').text).toBe('L1 version: "3.9"\nL4 services:\nL70 volumes:\n');
  });
});

const PYPROJECT = [
  '[build-system]',
  'requires = ["hatchling>=1.18"]',
  '',
  '[project]',
  'name = "example-service"',
  `description = "${'d'.repeat(300)}"`,
  'dependencies = [',
  '  "fastapi>=0.110",',
  '  # database',
  '  "sqlalchemy>=2.0",',
  '  "alembic>=1.13",',
  '  "psycopg[binary]>=3.1",',
  '  "pydantic>=2.6",',
  ']',
  'short = [',
  '  "a",',
  '  "b",',
  ']',
  '',
  ...Array.from({ length: 6 }, (_, index) => [`[[tool.mypy.overrides]]`, `module = "pkg${index}.*"`, 'ignore_missing_imports = true', '']).flat(),
  '[tool.pytest.ini_options]',
  'addopts = """',
  '-ra',
  '--strict-markers',
  '# not a comment',
  '--durations=10',
  '--cov',
  '"""',
].join('\n') + '\n';

describe('summarizeDocument on TOML', () => {
  const summaries = summarizeDocument('pyproject.toml', 'toml', PYPROJECT);
  const skeleton = level(summaries, 'skeleton').text;

  it('samples long multi-line arrays and keeps short ones whole', () => {
    expect(skeleton).toContain('dependencies = [\n  "fastapi>=0.110",\n  "sqlalchemy>=2.0",\n  "alembic>=1.13",\n  # … 2 more items\n]\nshort = [\n  "a",\n  "b",\n]\n');
  });

  it('keeps the first repeated [[tables]] and counts the rest', () => {
    expect(skeleton.match(/^\[\[tool\.mypy\.overrides\]\]$/gm)).toHaveLength(3);
    expect(skeleton).toContain('module = "pkg2.*"\nignore_missing_imports = true\n\n# … 3 more [[tool.mypy.overrides]] tables\n\n[tool.pytest.ini_options]\n');
    expect(skeleton).not.toContain('pkg3');
  });

  it('samples multi-line strings as text and cuts long values', () => {
    expect(skeleton.endsWith('addopts = """\n-ra\n--strict-markers\n# not a comment\n… 2 more lines\n"""\n')).toBe(true);
    expect(skeleton).toContain(`description = "${'d'.repeat(145)}…\n`);
  });

  it('outlines tables once each, with the count of repeated ones', () => {
    expect(level(summaries, 'outline').text).toBe(
      'L1 [build-system]\nL4 [project]\nL20 [[tool.mypy.overrides]] (6 tables)\nL44 [tool.pytest.ini_options]\n',
    );
  });
});

describe('summarizeDocument on INI', () => {
  const SETUP_CFG = [
    '[metadata]',
    'name = widget',
    'description: Packs things',
    '',
    '[options]',
    'install_requires =',
    ...Array.from({ length: 12 }, (_, index) => `    dependency-${index}>=1.0`),
    'python_requires = >=3.10',
    '',
    '; a comment',
    '[flake8]',
    'max-line-length = 100',
  ].join('\n');

  it('samples long continuation runs and outlines sections', () => {
    const summaries = summarizeDocument('setup.cfg', 'ini', SETUP_CFG);
    expect(level(summaries, 'skeleton').text).toContain(
      'install_requires =\n    dependency-0>=1.0\n    dependency-1>=1.0\n    dependency-2>=1.0\n    # … 9 more lines\npython_requires = >=3.10\n',
    );
    expect(level(summaries, 'outline').text).toBe('L1 [metadata]\nL5 [options]\nL22 [flake8]\n');
  });
});

describe('summarizeDocument on configuration edge cases', () => {
  it('returns nothing for empty input and for files that cannot shrink', () => {
    expect(summarizeDocument('a.yaml', 'yaml', '')).toEqual([]);
    expect(summarizeDocument('a.toml', 'toml', 'a = 1\n')).toEqual([]);
    expect(summarizeDocument('a.toml', 'toml', '[a]\nb = 1\n')).toEqual([{ level: 'outline', text: 'L1 [a]\n', note: 'tables and top-level keys of 2 lines' }]);
  });

  it('is deterministic', () => {
    expect(summarizeDocument('docker-compose.yml', 'yaml', COMPOSE)).toEqual(summarizeDocument('docker-compose.yml', 'yaml', COMPOSE));
  });
});
