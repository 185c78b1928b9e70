/** C, C++ and C#: brace languages whose names hide inside declarators (C, C++) or carry modifiers (C#). */
import type { Node } from 'web-tree-sitter';
import type { DefinitionKind } from './syntax-types.js';
import type { DefinitionRule, LanguageRules } from './language-rules.js';
import { functionOrMethod, hasKeyword, nameOf, types } from './language-rules.js';

/** Follow `declarator` fields down to the name: `*ring_new(size_t)` → `ring_new`. */
function declaratorName(node: Node): string | undefined {
  let current = node.childForFieldName('declarator');
  while (current) {
    const inner = current.childForFieldName('declarator') ?? unnamedDeclarator(current);
    if (!inner) return current.text;
    current = inner;
  }
  return undefined;
}

/** C++ reference declarators (`T& at(…)`) hold their inner declarator without a field name. */
function unnamedDeclarator(node: Node): Node | undefined {
  if (!node.type.endsWith('_declarator')) return undefined;
  return node.namedChildren.find((child) => child !== null && /declarator|identifier/.test(child.type)) ?? undefined;
}

function hasFunctionDeclarator(node: Node): boolean {
  let current = node.childForFieldName('declarator');
  while (current) {
    if (current.type === 'function_declarator') return true;
    current = current.childForFieldName('declarator');
  }
  return false;
}

const functionRule: DefinitionRule = (node, context) => {
  const name = declaratorName(node);
  if (name === undefined) return undefined;
  return { name, kind: functionOrMethod(context), isExported: !hasKeyword(node, 'static') };
};

/** A prototype (`int f(void);`) or member function declaration is a definition; plain variables are not. */
const prototypeRule: DefinitionRule = (node, context) =>
  hasFunctionDeclarator(node) ? functionRule(node, context) : undefined;

/** Tagged types count only with a body (`struct s { … }`), not a use (`struct s *p`). */
function tagged(kind: DefinitionKind): DefinitionRule {
  return (node) => {
    const name = node.childForFieldName('name')?.text;
    if (name === undefined || !node.childForFieldName('body')) return undefined;
    return { name, kind, isExported: true };
  };
}

function named(kind: DefinitionKind): DefinitionRule {
  return (node) => {
    const name = node.childForFieldName('name')?.text;
    return name === undefined ? undefined : { name, kind, isExported: true };
  };
}

function includeOf(node: Node): readonly string[] | undefined {
  if (node.type !== 'preproc_include') return undefined;
  const path = node.childForFieldName('path');
  return path ? [path.text] : undefined;
}

function cLikeDefinitions(): Record<string, DefinitionRule> {
  return {
    function_definition: functionRule,
    declaration: prototypeRule,
    field_declaration: prototypeRule,
    struct_specifier: tagged('struct'),
    union_specifier: tagged('struct'),
    enum_specifier: tagged('enum'),
    type_definition: (node) => {
      const name = declaratorName(node);
      return name === undefined ? undefined : { name, kind: 'type', isExported: true };
    },
    preproc_def: named('macro'),
    preproc_function_def: named('macro'),
  };
}

const C_COMMON = {
  elision: 'brace',
  bodyTypes: types('compound_statement'),
  collections: types('initializer_list'),
  importTypes: types('preproc_include'),
  imports: includeOf,
  comments: types('comment'),
  strings: types('string_literal', 'raw_string_literal'),
  keepsCommentAboveDeclaration: false,
} as const;

export function cRules(): LanguageRules {
  return {
    ...C_COMMON,
    definitions: cLikeDefinitions(),
    bodyOwners: types('function_definition'),
    identifiers: types('identifier', 'type_identifier', 'field_identifier'),
  };
}

export function cppRules(): LanguageRules {
  return {
    ...C_COMMON,
    definitions: {
      ...cLikeDefinitions(),
      class_specifier: tagged('class'),
      namespace_definition: named('module'),
      alias_declaration: named('type'),
      concept_definition: named('type'),
    },
    bodyOwners: types('function_definition', 'lambda_expression'),
    identifiers: types('identifier', 'type_identifier', 'field_identifier', 'namespace_identifier'),
  };
}

function csharpMember(kind: DefinitionKind | 'function-or-method'): DefinitionRule {
  return (node, context) => {
    const name = nameOf(node);
    if (name === undefined) return undefined;
    const resolved = kind === 'function-or-method' ? functionOrMethod(context) : kind;
    const isExported = hasKeyword(node, 'public') || hasKeyword(node, 'protected');
    return { name, kind: resolved, isExported };
  };
}

/** C# fields declare one or more variables: `private int a, b;` → `a`. */
const csharpField: DefinitionRule = (node) => {
  const declarator = node.descendantsOfType('variable_declarator')[0];
  const name = declarator ? nameOf(declarator) : undefined;
  if (name === undefined) return undefined;
  const kind: DefinitionKind = hasKeyword(node, 'const') ? 'constant' : 'field';
  return { name, kind, isExported: hasKeyword(node, 'public') };
};

export function csharpRules(): LanguageRules {
  return {
    elision: 'brace',
    definitions: {
      class_declaration: csharpMember('class'),
      record_declaration: csharpMember('class'),
      record_struct_declaration: csharpMember('struct'),
      struct_declaration: csharpMember('struct'),
      interface_declaration: csharpMember('interface'),
      enum_declaration: csharpMember('enum'),
      delegate_declaration: csharpMember('type'),
      method_declaration: csharpMember('function-or-method'),
      constructor_declaration: csharpMember('method'),
      property_declaration: csharpMember('property'),
      event_declaration: csharpMember('property'),
      field_declaration: csharpField,
      namespace_declaration: named('module'),
      file_scoped_namespace_declaration: named('module'),
    },
    bodyOwners: types(
      'method_declaration',
      'constructor_declaration',
      'destructor_declaration',
      'operator_declaration',
      'conversion_operator_declaration',
      'local_function_statement',
      'accessor_declaration',
      'lambda_expression',
      'anonymous_method_expression',
    ),
    bodyTypes: types('block'),
    collections: types('initializer_expression'),
    importTypes: types('using_directive'),
    imports: (node) => {
      if (node.type !== 'using_directive') return undefined;
      const name = node.namedChildren.find((child) => child && /name|identifier/.test(child.type));
      return name ? [name.text] : undefined;
    },
    comments: types('comment'),
    identifiers: types('identifier'),
    strings: types('verbatim_string_literal', 'raw_string_literal', 'string_literal', 'interpolated_string_expression'),
    longStrings: types('verbatim_string_literal', 'raw_string_literal'),
    keepsCommentAboveDeclaration: false,
  };
}
