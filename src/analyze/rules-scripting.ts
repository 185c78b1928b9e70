/** Ruby, PHP and Bash. */
import type { Node } from 'web-tree-sitter';
import type { DefinitionKind } from './syntax-types.js';
import type { DefinitionRule, LanguageRules } from './language-rules.js';
import { functionOrMethod, hasKeyword, nameOf, types, unquote } from './language-rules.js';

function named(kind: DefinitionKind | 'function-or-method', isExported = (_node: Node) => true): DefinitionRule {
  return (node, context) => {
    const name = nameOf(node);
    if (name === undefined) return undefined;
    const resolved = kind === 'function-or-method' ? functionOrMethod(context) : kind;
    return { name, kind: resolved, isExported: isExported(node) };
  };
}

const RUBY_LOADERS = new Set(['require', 'require_relative', 'load', 'autoload']);

export function rubyRules(): LanguageRules {
  return {
    elision: 'ruby',
    definitions: {
      class: named('class'),
      module: named('module'),
      method: named('method'),
      singleton_method: named('method'),
      assignment: (node) => {
        const left = node.childForFieldName('left');
        return left?.type === 'constant' ? { name: left.text, kind: 'constant', isExported: true } : undefined;
      },
    },
    bodyOwners: types('method', 'singleton_method'),
    bodyTypes: types('body_statement'),
    collections: types(),
    importTypes: types('call'),
    imports: (node) => {
      if (node.type !== 'call') return undefined;
      const method = node.childForFieldName('method')?.text;
      const argument = node.childForFieldName('arguments')?.namedChildren.at(-1);
      if (!method || !RUBY_LOADERS.has(method) || argument?.type !== 'string') return undefined;
      return [unquote(argument.text)];
    },
    comments: types('comment'),
    identifiers: types('identifier', 'constant'),
    strings: types('string', 'heredoc_body'),
    keepsCommentAboveDeclaration: true,
  };
}

const PHP_INCLUDES = new Set([
  'include_expression',
  'include_once_expression',
  'require_expression',
  'require_once_expression',
]);

function phpImports(node: Node): readonly string[] | undefined {
  if (node.type === 'namespace_use_clause') {
    const name = node.namedChildren.find((child) => child && /name/.test(child.type));
    return name ? [name.text] : undefined;
  }
  if (PHP_INCLUDES.has(node.type)) {
    const target = node.namedChildren[0];
    return target && /string/.test(target.type) ? [unquote(target.text)] : undefined;
  }
  return undefined;
}

const phpVisible = (node: Node): boolean => !hasKeyword(node, 'private') && !hasKeyword(node, 'protected');

export function phpRules(): LanguageRules {
  return {
    elision: 'brace',
    definitions: {
      class_declaration: named('class'),
      interface_declaration: named('interface'),
      trait_declaration: named('trait'),
      enum_declaration: named('enum'),
      function_definition: named('function'),
      method_declaration: named('method', phpVisible),
      namespace_definition: named('module'),
      const_element: (node) => {
        const name = nameOf(node);
        return name === undefined ? undefined : { name, kind: 'constant', isExported: phpVisible(node.parent ?? node) };
      },
      property_element: (node) => {
        const name = nameOf(node, ['variable_name']);
        return name === undefined ? undefined : { name, kind: 'property', isExported: phpVisible(node.parent ?? node) };
      },
    },
    bodyOwners: types(
      'function_definition',
      'method_declaration',
      'anonymous_function',
      'anonymous_function_creation_expression',
    ),
    bodyTypes: types('compound_statement'),
    collections: types('array_creation_expression'),
    importTypes: types('namespace_use_clause', ...PHP_INCLUDES),
    imports: phpImports,
    comments: types('comment'),
    identifiers: types('name', 'variable_name'),
    strings: types('string', 'encapsed_string', 'heredoc', 'nowdoc'),
    keepsCommentAboveDeclaration: false,
  };
}

export function bashRules(): LanguageRules {
  return {
    elision: 'bash',
    definitions: {
      function_definition: named('function'),
      variable_assignment: (node) => {
        const parent = node.parent?.type;
        if (parent !== 'program' && parent !== 'declaration_command') return undefined;
        const name = node.childForFieldName('name')?.text;
        if (name === undefined) return undefined;
        const isReadonly = parent === 'declaration_command' && node.parent?.text.startsWith('readonly') === true;
        return { name, kind: isReadonly ? 'constant' : 'variable', isExported: true };
      },
    },
    bodyOwners: types('function_definition'),
    bodyTypes: types('compound_statement'),
    collections: types(),
    importTypes: types('command'),
    imports: (node) => {
      if (node.type !== 'command') return undefined;
      const name = node.childForFieldName('name')?.text;
      const argument = node.childForFieldName('argument');
      if ((name !== 'source' && name !== '.') || !argument) return undefined;
      return [unquote(argument.text)];
    },
    comments: types('comment'),
    identifiers: types('variable_name', 'command_name'),
    strings: types('string', 'raw_string', 'heredoc_body'),
    keepsCommentAboveDeclaration: true,
  };
}
