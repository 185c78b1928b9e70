/** Java and Kotlin: annotations are modifiers, so keeping a declaration's header keeps them too. */
import type { Node } from 'web-tree-sitter';
import type { DefinitionKind } from './syntax-types.js';
import type { DefinitionRule, LanguageRules } from './language-rules.js';
import { functionOrMethod, hasKeyword, nameOf, types } from './language-rules.js';

function javaMember(kind: DefinitionKind | 'function-or-method'): DefinitionRule {
  return (node, context) => {
    const name = node.childForFieldName('name')?.text;
    if (name === undefined) return undefined;
    const resolved = kind === 'function-or-method' ? functionOrMethod(context) : kind;
    return { name, kind: resolved, isExported: hasKeyword(node, 'public') || hasKeyword(node, 'protected') };
  };
}

const javaField: DefinitionRule = (node) => {
  const name = node.childForFieldName('declarator')?.childForFieldName('name')?.text;
  if (name === undefined) return undefined;
  const isConstant = hasKeyword(node, 'static') && hasKeyword(node, 'final');
  return { name, kind: isConstant ? 'constant' : 'field', isExported: hasKeyword(node, 'public') };
};

export function javaRules(): LanguageRules {
  return {
    elision: 'brace',
    definitions: {
      class_declaration: javaMember('class'),
      record_declaration: javaMember('class'),
      interface_declaration: javaMember('interface'),
      annotation_type_declaration: javaMember('interface'),
      enum_declaration: javaMember('enum'),
      method_declaration: javaMember('function-or-method'),
      constructor_declaration: javaMember('method'),
      field_declaration: javaField,
      constant_declaration: javaField,
    },
    bodyOwners: types('method_declaration', 'constructor_declaration', 'lambda_expression', 'static_initializer'),
    bodyTypes: types('block', 'constructor_body'),
    collections: types('array_initializer'),
    importTypes: types('import_declaration'),
    imports: (node) => {
      if (node.type !== 'import_declaration') return undefined;
      const path = node.text.replace(/^import\s+(static\s+)?/, '').replace(/\s*;\s*$/, '');
      return [path];
    },
    comments: types('line_comment', 'block_comment'),
    identifiers: types('identifier', 'type_identifier'),
    strings: types('string_literal', 'text_block'),
    longStrings: types('text_block'),
    keepsCommentAboveDeclaration: false,
  };
}

function kotlinExported(node: Node): boolean {
  return !hasKeyword(node, 'private') && !hasKeyword(node, 'internal');
}

function kotlinClassKind(node: Node): DefinitionKind {
  if (node.children.some((child) => child?.type === 'interface')) return 'interface';
  return hasKeyword(node, 'enum') ? 'enum' : 'class';
}

const kotlinProperty: DefinitionRule = (node, context) => {
  const variable = node.namedChildren.find((child) => child?.type === 'variable_declaration');
  const name = variable ? nameOf(variable) : undefined;
  if (name === undefined) return undefined;
  const isVal = node.children.some((child) => child?.type === 'binding_pattern_kind' && child.text === 'val');
  const kind: DefinitionKind = hasKeyword(node, 'const')
    ? 'constant'
    : context.parentKind !== undefined
      ? 'property'
      : isVal
        ? 'constant'
        : 'variable';
  return { name, kind, isExported: kotlinExported(node) };
};

export function kotlinRules(): LanguageRules {
  const rule =
    (kind: (node: Node) => DefinitionKind): DefinitionRule =>
    (node) => {
      const name = nameOf(node, ['type_identifier', 'simple_identifier']);
      return name === undefined ? undefined : { name, kind: kind(node), isExported: kotlinExported(node) };
    };
  return {
    elision: 'brace',
    definitions: {
      class_declaration: rule(kotlinClassKind),
      object_declaration: rule(() => 'class'),
      companion_object: (node) => ({ name: nameOf(node) ?? 'Companion', kind: 'class', isExported: true }),
      function_declaration: (node, context) => {
        const name = nameOf(node, ['simple_identifier']);
        if (name === undefined) return undefined;
        return { name, kind: functionOrMethod(context), isExported: kotlinExported(node) };
      },
      property_declaration: kotlinProperty,
      type_alias: rule(() => 'type'),
    },
    bodyOwners: types('function_declaration', 'secondary_constructor', 'anonymous_initializer', 'getter', 'setter'),
    bodyTypes: types('function_body', 'block', 'statements'),
    collections: types(),
    importTypes: types('import_header'),
    imports: (node) => {
      if (node.type !== 'import_header') return undefined;
      const path = node.namedChildren.find((child) => child?.type === 'identifier');
      return path ? [path.text] : undefined;
    },
    comments: types('comment', 'line_comment', 'multiline_comment'),
    identifiers: types('simple_identifier', 'type_identifier'),
    strings: types('string_literal', 'multiline_string_literal'),
    longStrings: types('multiline_string_literal'),
    keepsCommentAboveDeclaration: false,
  };
}
