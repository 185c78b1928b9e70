/** Rust: `pub` marks exports; methods live in `impl` and `trait` blocks. */
import type { Node } from 'web-tree-sitter';
import type { DefinitionKind } from './syntax-types.js';
import type { DefinitionRule, LanguageRules } from './language-rules.js';
import { functionOrMethod, types } from './language-rules.js';
import { isRepeatedShape } from './statement-runs.js';

function isPub(node: Node): boolean {
  return node.namedChildren.some((child) => child?.type === 'visibility_modifier');
}

function item(kind: DefinitionKind | 'function-or-method'): DefinitionRule {
  return (node, context) => {
    const name = node.childForFieldName('name')?.text;
    if (name === undefined) return undefined;
    const resolved = kind === 'function-or-method' ? functionOrMethod(context) : kind;
    return { name, kind: resolved, isExported: isPub(node) };
  };
}

/** `impl Trait for Type` is named `Trait for Type`; `impl Type` is named `Type`. */
const implRule: DefinitionRule = (node) => {
  const type = node.childForFieldName('type')?.text;
  if (type === undefined) return undefined;
  const trait = node.childForFieldName('trait')?.text;
  return { name: trait ? `${trait} for ${type}` : type, kind: 'impl', isExported: false };
};

function importsOf(node: Node): readonly string[] | undefined {
  if (node.type === 'use_declaration') {
    const argument = node.childForFieldName('argument');
    return argument ? [argument.text] : undefined;
  }
  if (node.type === 'extern_crate_declaration') {
    const name = node.childForFieldName('name');
    return name ? [name.text] : undefined;
  }
  if (node.type === 'mod_item' && !node.childForFieldName('body')) {
    const name = node.childForFieldName('name');
    return name ? [name.text] : undefined;
  }
  return undefined;
}

/**
 * An impl block that repeats the shape of earlier ones (generated code) is elidable when it has no `pub` member
 * (whose name a reader looks for) and no attribute in front (which would then apply to what follows).
 */
function isRepeatedImpl(node: Node, shapes: Map<string, number>): boolean {
  if (node.type !== 'impl_item' || node.previousNamedSibling?.type === 'attribute_item') return false;
  return !/\bpub\b/.test(node.text) && isRepeatedShape(node, shapes);
}

export function rustRules(): LanguageRules {
  return {
    elision: 'brace',
    definitions: {
      function_item: item('function-or-method'),
      function_signature_item: item('function-or-method'),
      struct_item: item('struct'),
      union_item: item('struct'),
      enum_item: item('enum'),
      trait_item: item('trait'),
      impl_item: implRule,
      mod_item: item('module'),
      const_item: item('constant'),
      static_item: item('constant'),
      type_item: item('type'),
      macro_definition: item('macro'),
    },
    bodyOwners: types('function_item', 'closure_expression'),
    bodyTypes: types('block'),
    collections: types('array_expression'),
    importTypes: types('use_declaration', 'extern_crate_declaration', 'mod_item'),
    imports: importsOf,
    comments: types('line_comment', 'block_comment'),
    identifiers: types('identifier', 'type_identifier', 'field_identifier'),
    strings: types('string_literal', 'raw_string_literal'),
    longStrings: types('string_literal', 'raw_string_literal'),
    runStatement: isRepeatedImpl,
    keepsCommentAboveDeclaration: false,
  };
}

