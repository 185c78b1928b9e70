/** Swift: one `class_declaration` node type covers class, struct, enum, extension and actor. */
import type { Node } from 'web-tree-sitter';
import type { DefinitionKind } from './syntax-types.js';
import type { DefinitionRule, LanguageRules } from './language-rules.js';
import { functionOrMethod, hasKeyword, nameOf, types } from './language-rules.js';

const KIND_BY_KEYWORD: Readonly<Record<string, DefinitionKind>> = {
  class: 'class',
  struct: 'struct',
  enum: 'enum',
  extension: 'impl',
  actor: 'class',
};

function isPublic(node: Node): boolean {
  return hasKeyword(node, 'public') || hasKeyword(node, 'open');
}

const typeDeclaration: DefinitionRule = (node) => {
  const keyword = node.children.find((child) => child && !child.isNamed && KIND_BY_KEYWORD[child.text]);
  const name = node.childForFieldName('name')?.text;
  if (name === undefined) return undefined;
  return { name, kind: KIND_BY_KEYWORD[keyword?.text ?? 'class'] ?? 'class', isExported: isPublic(node) };
};

const property: DefinitionRule = (node, context) => {
  const pattern = node.childForFieldName('name') ?? node.namedChildren.find((child) => child?.type === 'pattern');
  const name = pattern ? (nameOf(pattern, ['simple_identifier']) ?? pattern.text) : undefined;
  if (name === undefined) return undefined;
  const isLet = node.descendantsOfType('value_binding_pattern')[0]?.text.startsWith('let') ?? false;
  const kind: DefinitionKind = context.parentKind !== undefined ? 'property' : isLet ? 'constant' : 'variable';
  return { name, kind, isExported: isPublic(node) };
};

export function swiftRules(): LanguageRules {
  return {
    elision: 'brace',
    definitions: {
      class_declaration: typeDeclaration,
      protocol_declaration: (node) => {
        const name = node.childForFieldName('name')?.text;
        return name === undefined ? undefined : { name, kind: 'interface', isExported: isPublic(node) };
      },
      function_declaration: (node, context) => {
        const name = node.childForFieldName('name')?.text;
        if (name === undefined) return undefined;
        return { name, kind: functionOrMethod(context), isExported: isPublic(node) };
      },
      protocol_function_declaration: (node) => {
        const name = node.childForFieldName('name')?.text;
        return name === undefined ? undefined : { name, kind: 'method', isExported: true };
      },
      init_declaration: (node) => ({ name: 'init', kind: 'method', isExported: isPublic(node) }),
      property_declaration: property,
      typealias_declaration: (node) => {
        const name = node.childForFieldName('name')?.text;
        return name === undefined ? undefined : { name, kind: 'type', isExported: isPublic(node) };
      },
    },
    bodyOwners: types('function_declaration', 'init_declaration', 'deinit_declaration', 'computed_property'),
    bodyTypes: types('function_body', 'statements'),
    collections: types(),
    importTypes: types('import_declaration'),
    imports: (node) => {
      if (node.type !== 'import_declaration') return undefined;
      const path = node.namedChildren.find((child) => child?.type === 'identifier');
      return path ? [path.text] : undefined;
    },
    comments: types('comment', 'multiline_comment'),
    identifiers: types('simple_identifier', 'type_identifier'),
    strings: types('line_string_literal', 'multi_line_string_literal'),
    longStrings: types('multi_line_string_literal'),
    keepsCommentAboveDeclaration: false,
  };
}
