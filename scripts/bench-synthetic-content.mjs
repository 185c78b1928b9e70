/**
 * Deterministic text for synthetic benchmark files: a seeded PRNG and one generator per language that writes
 * plausible source (imports between files, documented functions, branches) up to a target size in bytes.
 */

/** mulberry32: tiny, fast and good enough for test data; the same seed gives the same sequence on every platform. */
export function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    /** Whole number in [low, high]. */
    between: (low, high) => low + Math.floor(next() * (high - low + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}

const WORDS = (
  'account adapter batch buffer cache channel client config cursor digest engine event filter format graph handler ' +
  'index job ledger loader matrix merge node order parser pipeline policy queue reader record region report router ' +
  'schema session shard signal store stream table token tracker update vector window worker'
).split(' ');

const capitalize = (word) => word[0].toUpperCase() + word.slice(1);

/** camelCase identifier of two or three words. */
export function identifier(random) {
  const parts = Array.from({ length: random.between(2, 3) }, () => random.pick(WORDS));
  return parts[0] + parts.slice(1).map(capitalize).join('');
}

function sentence(random) {
  const words = Array.from({ length: random.between(6, 16) }, () => random.pick(WORDS));
  return `${capitalize(words.join(' '))}.`;
}

function typescriptUnit(random) {
  const name = identifier(random);
  const limit = random.between(2, 99);
  return [
    `/** ${sentence(random)} */`,
    `export function ${name}(items: readonly number[], label: string): string {`,
    `  let total = 0;`,
    `  for (const item of items) {`,
    `    if (item > ${limit}) total += item % ${random.between(3, 17)};`,
    `    else total -= ${random.between(1, 9)};`,
    `  }`,
    `  return \`\${label}:${name}:\${total}\`;`,
    `}`,
    '',
    '',
  ].join('\n');
}

function pythonUnit(random) {
  const name = identifier(random).replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
  return [
    `def ${name}(items, label):`,
    `    """${sentence(random)}"""`,
    `    total = 0`,
    `    for item in items:`,
    `        if item > ${random.between(2, 99)}:`,
    `            total += item % ${random.between(3, 17)}`,
    `        else:`,
    `            total -= ${random.between(1, 9)}`,
    `    return f"{label}:${name}:{total}"`,
    '',
    '',
  ].join('\n');
}

function goUnit(random) {
  const name = capitalize(identifier(random));
  return [
    `// ${name} ${sentence(random).toLowerCase()}`,
    `func ${name}(items []int, label string) string {`,
    `\ttotal := 0`,
    `\tfor _, item := range items {`,
    `\t\tif item > ${random.between(2, 99)} {`,
    `\t\t\ttotal += item % ${random.between(3, 17)}`,
    `\t\t} else {`,
    `\t\t\ttotal -= ${random.between(1, 9)}`,
    `\t\t}`,
    `\t}`,
    `\treturn fmt.Sprintf("%s:${name}:%d", label, total)`,
    `}`,
    '',
    '',
  ].join('\n');
}

function markdownUnit(random) {
  const paragraph = Array.from({ length: random.between(2, 6) }, () => sentence(random)).join(' ');
  return `## ${capitalize(identifier(random))}\n\n${paragraph}\n\n`;
}

function jsonUnit(random) {
  const entry = { id: random.between(1, 99_999), name: identifier(random), tags: [random.pick(WORDS), random.pick(WORDS)] };
  return `    ${JSON.stringify(entry)},\n`;
}

/** Relative import specifier from `from` to `to` (both repository paths with `/`). */
function relativeSpecifier(from, to) {
  const fromParts = from.split('/').slice(0, -1);
  const toParts = to.split('/');
  let shared = 0;
  while (shared < fromParts.length && shared < toParts.length - 1 && fromParts[shared] === toParts[shared]) shared += 1;
  const up = fromParts.length - shared;
  const rest = toParts.slice(shared).join('/');
  return `${up === 0 ? './' : '../'.repeat(up)}${rest}`;
}

function header(language, file, neighbours, random) {
  switch (language) {
    case 'ts':
      return neighbours
        .map((other) => `import { ${identifier(random)} } from '${relativeSpecifier(file, other).replace(/\.ts$/, '.js')}';`)
        .join('\n')
        .concat('\n\n');
    case 'py':
      return neighbours.map((other) => `from ${other.replace(/\.py$/, '').replaceAll('/', '.')} import ${identifier(random)}`).join('\n').concat('\n\n');
    case 'go':
      return `package ${file.split('/').at(-2) ?? 'main'}\n\nimport "fmt"\n\n`;
    case 'md':
      return `# ${capitalize(identifier(random))}\n\n${sentence(random)}\n\n`;
    case 'json':
      return '{\n  "entries": [\n';
  }
  throw new RangeError(`no header for language ${language}`);
}

const UNITS = { ts: typescriptUnit, py: pythonUnit, go: goUnit, md: markdownUnit, json: jsonUnit };

/**
 * Text of one synthetic file of roughly `bytes` bytes (at least one unit, so never empty).
 * @param {{ language: 'ts' | 'py' | 'go' | 'md' | 'json', file: string, bytes: number, neighbours: readonly string[], random: ReturnType<typeof createRandom> }} spec
 */
export function fileText(spec) {
  const { language, random } = spec;
  const parts = [header(language, spec.file, spec.neighbours, random)];
  let length = parts[0].length;
  do {
    const unit = UNITS[language](random);
    parts.push(unit);
    length += unit.length;
  } while (length < spec.bytes);
  if (language === 'json') parts.push(`    {"end": true}\n  ]\n}\n`);
  return parts.join('');
}
