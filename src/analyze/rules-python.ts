/** Python: docstrings are strings, so stripping comments never touches them. */
import type { Node } from 'web-tree-sitter';
import type { DefinitionMatch, LanguageRules } from './language-rules.js';
import { functionOrMethod, types } from './language-rules.js';

/** Leading underscore means private by convention. */
function isPublic(name: string): boolean {
  return !name.startsWith('_') || (name.startsWith('__') && name.endsWith('__'));
}

/** Module- and class-level `NAME = …` assignments. */
function assignment(node: Node, parentKind: string | undefined): DefinitionMatch | undefined {
  const statement = node.parent;
  if (statement?.type !== 'expression_statement') return undefined;
  const scope = statement.parent?.type;
  if (scope !== 'module' && !(scope === 'block' && parentKind === 'class')) return undefined;
  const left = node.childForFieldName('left');
  if (left?.type !== 'identifier') return undefined;
  const name = left.text;
  const kind = parentKind === 'class' ? 'field' : /^[A-Z][A-Z0-9_]*$/.test(name) ? 'constant' : 'variable';
  return { name, kind, isExported: isPublic(name) };
}

function importsOf(node: Node): readonly string[] | undefined {
  if (node.type === 'future_import_statement') return ['__future__'];
  if (node.type === 'import_from_statement') {
    const module = node.childForFieldName('module_name');
    return module ? [module.text] : undefined;
  }
  if (node.type === 'import_statement') {
    return node.childrenForFieldName('name').flatMap((name) => {
      if (!name) return [];
      const dotted = name.type === 'aliased_import' ? name.childForFieldName('name') : name;
      return dotted ? [dotted.text] : [];
    });
  }
  return undefined;
}

export function pythonRules(): LanguageRules {
  return {
    elision: 'python',
    definitions: {
      function_definition: (node, context) => {
        const name = node.childForFieldName('name')?.text;
        if (name === undefined) return undefined;
        return { name, kind: functionOrMethod(context), isExported: isPublic(name) };
      },
      class_definition: (node) => {
        const name = node.childForFieldName('name')?.text;
        return name === undefined ? undefined : { name, kind: 'class', isExported: isPublic(name) };
      },
      assignment: (node, context) => assignment(node, context.parentKind),
    },
    bodyOwners: types('function_definition'),
    bodyTypes: types('block'),
    collections: types('dictionary', 'list', 'set', 'tuple', 'argument_list'),
    importTypes: types('import_statement', 'import_from_statement', 'future_import_statement'),
    imports: importsOf,
    comments: types('comment'),
    identifiers: types('identifier'),
    strings: types('string'),
    longStrings: types('string'),
    flatNodes: types('typed_default_parameter', 'typed_parameter', 'default_parameter', 'import_from_statement'),
    keepsCommentAboveDeclaration: false,
  };
}
