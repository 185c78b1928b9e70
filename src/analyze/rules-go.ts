/** Go: exported means an upper-case first letter; doc comments are plain comments right above a declaration. */
import type { Node } from 'web-tree-sitter';
import type { DefinitionKind } from './syntax-types.js';
import type { DefinitionMatch, DefinitionRule, LanguageRules } from './language-rules.js';
import { types, unquote } from './language-rules.js';

function isUpper(name: string): boolean {
  const first = name[0];
  return first !== undefined && first !== first.toLowerCase() && first === first.toUpperCase();
}

function spec(kind: DefinitionKind): DefinitionRule {
  return (node) => {
    const name = node.childForFieldName('name')?.text ?? node.namedChildren[0]?.text;
    return name === undefined ? undefined : { name, kind, isExported: isUpper(name) };
  };
}

function typeSpec(node: Node): DefinitionMatch | undefined {
  const name = node.childForFieldName('name')?.text;
  if (name === undefined) return undefined;
  const shape = node.childForFieldName('type')?.type;
  const kind: DefinitionKind =
    shape === 'struct_type' ? 'struct' : shape === 'interface_type' ? 'interface' : 'type';
  return { name, kind, isExported: isUpper(name) };
}

function importsOf(node: Node): readonly string[] | undefined {
  if (node.type !== 'import_spec') return undefined;
  const path = node.childForFieldName('path');
  return path ? [unquote(path.text)] : undefined;
}

export function goRules(): LanguageRules {
  return {
    elision: 'brace',
    definitions: {
      function_declaration: spec('function'),
      method_declaration: spec('method'),
      type_spec: typeSpec,
      type_alias: typeSpec,
      const_spec: spec('constant'),
      var_spec: spec('variable'),
      method_spec: spec('method'),
      method_elem: spec('method'),
      field_declaration: spec('field'),
    },
    bodyOwners: types('function_declaration', 'method_declaration', 'func_literal'),
    bodyTypes: types('block'),
    collections: types('literal_value'),
    importTypes: types('import_spec'),
    imports: importsOf,
    ownerOf: goReceiverType,
    comments: types('comment'),
    identifiers: types('identifier', 'type_identifier', 'field_identifier', 'package_identifier'),
    strings: types('raw_string_literal', 'interpreted_string_literal'),
    longStrings: types('raw_string_literal'),
    keepsCommentAboveDeclaration: true,
  };
}

/** Go methods belong to their receiver's type: `func (c *Cache[K, V]) Get` → `Cache`. */
export function goReceiverType(node: Node): string | undefined {
  if (node.type !== 'method_declaration') return undefined;
  const receiver = node.childForFieldName('receiver')?.text ?? '';
  const match = /([A-Za-z_][A-Za-z0-9_]*)\s*(\[[^\]]*\])?\s*\)\s*$/.exec(receiver);
  return match?.[1];
}
