/**
 * `nodesOfTypes` must list exactly the nodes a cursor walk of the whole tree visits, in the same order: the scan's
 * scopes and elisions depend on that order. Tree-sitter's own search skips zero-width nodes at the very start (an
 * empty file's root), which a cursor walk visits.
 */
import type { Node, Tree } from 'web-tree-sitter';
import { GrammarRegistry } from '../../src/analyze/grammar-registry.js';
import type { LoadedGrammar } from '../../src/analyze/grammar-registry.js';
import { nodesOfTypes } from '../../src/analyze/syntax-nodes.js';
import { SYNTAX_FIXTURES, fixtureFile } from './syntax-fixture-file.js';

/** Every node of `types`, by a cursor walk: what the scan visited before it used the search. */
function walkedNodes(tree: Tree, types: ReadonlySet<string>): string[] {
  const found: string[] = [];
  const cursor = tree.walk();
  try {
    for (;;) {
      if (types.has(cursor.nodeType)) found.push(`${cursor.nodeType}@${cursor.startIndex}-${cursor.endIndex}`);
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return found;
      }
    }
  } finally {
    cursor.delete();
  }
}

function describeNodes(nodes: readonly Node[]): string[] {
  return nodes.map((node) => `${node.type}@${node.startIndex}-${node.endIndex}`);
}

/** The rule set's types the scan searches for, with the root types so the first node is included. */
function scannedTypes(grammar: LoadedGrammar): string[] {
  const { rules } = grammar;
  const names = [
    ...rules.identifiers,
    ...rules.comments,
    ...rules.strings,
    ...rules.importTypes,
    ...Object.keys(rules.definitions),
    ...rules.bodyOwners,
    ...rules.collections,
    'program',
    'module',
    'source_file',
  ];
  return [...new Set(names)].sort();
}

describe('nodesOfTypes', () => {
  const registry = new GrammarRegistry();
  afterAll(() => registry.dispose());

  it('lists the nodes a cursor walk visits, in its order, for every fixture', async () => {
    let compared = 0;
    for (const name of SYNTAX_FIXTURES) {
      const file = fixtureFile(name);
      if (!file.language) continue;
      const grammar = await registry.load(file.language).catch(() => undefined);
      const tree = grammar?.parser.parse(file.text);
      if (!grammar || !tree) continue;
      try {
        const types = scannedTypes(grammar);
        const walked = walkedNodes(tree, new Set(types));
        expect(describeNodes(nodesOfTypes(tree.rootNode, types))).toEqual(walked);
        compared += walked.length > 10 ? 1 : 0;
      } finally {
        tree.delete();
      }
    }
    expect(compared).toBeGreaterThan(5);
  });

  it('includes zero-width nodes at the start, which the search alone skips', async () => {
    const grammar = await registry.load('typescript');
    const tree = grammar.parser.parse('');
    if (!tree) throw new Error('no tree');
    try {
      expect(tree.rootNode.descendantsOfType(['program'])).toHaveLength(0);
      expect(describeNodes(nodesOfTypes(tree.rootNode, ['program']))).toEqual(['program@0-0']);
    } finally {
      tree.delete();
    }
  });
});
