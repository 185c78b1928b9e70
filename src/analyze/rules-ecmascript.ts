/** TypeScript, TSX and JavaScript (JSX included) share one grammar family. */
import type { Node } from 'web-tree-sitter';
import type { DefinitionContext, DefinitionMatch, DefinitionRule, LanguageRules } from './language-rules.js';
import { functionOrMethod, nameOf, types, unquote } from './language-rules.js';
import type { DefinitionKind } from './syntax-types.js';

function isExported(node: Node): boolean {
  const parent = node.parent;
  if (parent?.type === 'export_statement') return true;
  return parent?.parent?.type === 'export_statement' && parent.type !== 'statement_block';
}

function named(kind: DefinitionKind | ((context: DefinitionContext) => DefinitionKind)): DefinitionRule {
  return (node, context) => {
    const isDefault = node.parent?.type === 'export_statement' && node.parent.text.startsWith('export default');
    const name = nameOf(node, ['identifier', 'type_identifier', 'property_identifier', 'private_property_identifier']);
    if (name === undefined && !isDefault) return undefined;
    const resolved = typeof kind === 'function' ? kind(context) : kind;
    return { name: name ?? 'default', kind: resolved, isExported: isExported(node) };
  };
}

const FUNCTION_VALUES = new Set(['arrow_function', 'function_expression', 'function', 'generator_function']);

/** `const x = …` declarators: functions when the value is one, constants for `const`, variables otherwise. */
function declarator(node: Node): DefinitionMatch | undefined {
  const nameNode = node.childForFieldName('name');
  if (!nameNode || nameNode.type !== 'identifier') return undefined;
  const declaration = node.parent;
  const value = node.childForFieldName('value');
  const isConst = declaration?.type === 'lexical_declaration' && declaration.text.startsWith('const');
  const kind: DefinitionKind =
    value && FUNCTION_VALUES.has(value.type) ? 'function' : isConst ? 'constant' : 'variable';
  return { name: nameNode.text, kind, isExported: declaration ? isExported(declaration) : false };
}

function importsOf(node: Node): readonly string[] | undefined {
  const type = node.type;
  if (type === 'import_statement' || type === 'export_statement') {
    const source = node.childForFieldName('source');
    return source ? [unquote(source.text)] : undefined;
  }
  if (type === 'call_expression') {
    // Every call is asked; the callee rules most out before the arguments are looked at.
    const callee = node.childForFieldName('function');
    const calleeType = callee?.type;
    const isLoader = calleeType === 'import' || (calleeType === 'identifier' && callee?.text === 'require');
    if (!isLoader) return undefined;
    const argument = node.childForFieldName('arguments')?.namedChildren[0];
    if (argument?.type === 'string') return [unquote(argument.text)];
  }
  return undefined;
}

/** Statements that declare nothing; a skeleton elides long runs of them at the top level. */
const RUN_STATEMENTS = new Set([
  'expression_statement',
  'if_statement',
  'for_statement',
  'for_in_statement',
  'while_statement',
  'do_statement',
  'try_statement',
  'switch_statement',
  'labeled_statement',
  'statement_block',
  'empty_statement',
  'throw_statement',
  'with_statement',
  'debugger_statement',
]);

/** Declarations a statement run may hold when they only declare names declared before (test inputs redeclare). */
const DECLARATIONS = new Set([
  'lexical_declaration',
  'variable_declaration',
  'function_declaration',
  'generator_function_declaration',
  'class_declaration',
  'type_alias_declaration',
  'interface_declaration',
  'enum_declaration',
]);

/**
 * Statements, redeclarations and unparsable statements are elidable; CommonJS exports (`module.exports = …`),
 * namespaces (which the grammar wraps in an expression statement) and anything that loads a module never are.
 */
function isRunStatement(node: Node, memory: Map<string, number>): boolean {
  // Read once: each read of a node's text or type goes through WASM.
  const text = node.text;
  if (/\b(require|import)\s*\(/.test(text)) return false;
  // Syntax the grammar does not know (proposals in parser tests) would make the skeleton fail its re-parse; what
  // exports nothing goes into the run instead.
  if (node.hasError) return !/\bexport\b/.test(text);
  const type = node.type;
  if (RUN_STATEMENTS.has(type)) {
    const first = node.namedChildren[0];
    // A line starting `export` inside a statement is error recovery around syntax the grammar lacks (a module
    // block's `export const foo`): the name it exports must stay in the skeleton.
    if (/^\s*export\b/m.test(text)) return false;
    return !/^\s*(module\.)?exports\b/.test(text) && !(first && /module/.test(first.type));
  }
  if (!DECLARATIONS.has(type)) return false;
  if (isScriptValue(node, memory)) return true;
  const names = declaredNames(node);
  const isRedeclaration = names.length > 0 && names.every((name) => memory.has(`name ${name}`));
  for (const name of names) memory.set(`name ${name}`, 1);
  return isRedeclaration;
}

/**
 * A variable holding a value rather than a function or class, in a file that exports nothing (a test input, a
 * script): a statement of the program, not part of an interface. Nothing outside can name it.
 */
function isScriptValue(node: Node, memory: Map<string, number>): boolean {
  if (node.type !== 'lexical_declaration' && node.type !== 'variable_declaration') return false;
  if (!memory.has('exports known')) {
    memory.set('exports known', 1);
    if (node.parent?.namedChildren.some((child) => child !== null && isExport(child))) memory.set('has exports', 1);
  }
  if (memory.has('has exports')) return false;
  return node.namedChildren.every((declarator) => {
    const value = declarator?.type === 'variable_declarator' ? declarator.childForFieldName('value') : null;
    return !value || !(FUNCTION_VALUES.has(value.type) || value.type === 'class');
  });
}

function isExport(node: Node): boolean {
  return node.type === 'export_statement' || /^\s*(module\.)?exports\b/.test(node.text);
}

/** The names a top-level declaration introduces, destructured ones included. */
function declaredNames(node: Node): string[] {
  const named = node.childForFieldName('name');
  if (named) return [named.text];
  const names: string[] = [];
  for (const declarator of node.namedChildren) {
    const target = declarator?.type === 'variable_declarator' ? declarator.childForFieldName('name') : null;
    if (!target) continue;
    if (target.type === 'identifier') names.push(target.text);
    else {
      for (const leaf of target.descendantsOfType(['identifier', 'shorthand_property_identifier_pattern'])) {
        if (leaf) names.push(leaf.text);
      }
    }
  }
  return names;
}

/** Rules for one member of the family; only JavaScript lacks type-level declarations. */
export function ecmascriptRules(): LanguageRules {
  const method = named(functionOrMethod);
  return {
    elision: 'brace',
    definitions: {
      function_declaration: named('function'),
      generator_function_declaration: named('function'),
      function_signature: named('function'),
      class_declaration: named('class'),
      abstract_class_declaration: named('class'),
      class: named('class'),
      method_definition: method,
      method_signature: method,
      abstract_method_signature: method,
      interface_declaration: named('interface'),
      type_alias_declaration: named('type'),
      enum_declaration: named('enum'),
      internal_module: named('module'),
      module: named('module'),
      variable_declarator: declarator,
      public_field_definition: named('field'),
      field_definition: (node) => {
        const name = node.childForFieldName('property')?.text;
        return name === undefined ? undefined : { name, kind: 'field', isExported: false };
      },
    },
    bodyOwners: types(
      'function_declaration',
      'generator_function_declaration',
      'function_expression',
      'function',
      'generator_function',
      'arrow_function',
      'method_definition',
      'class_static_block',
    ),
    bodyTypes: types('statement_block'),
    expressionBodies: types('arrow_function'),
    collections: types('object', 'array'),
    importTypes: types('import_statement', 'export_statement', 'call_expression'),
    imports: importsOf,
    comments: types('comment', 'html_comment'),
    identifiers: types('identifier', 'type_identifier', 'property_identifier', 'shorthand_property_identifier'),
    strings: types('template_string', 'string'),
    longStrings: types('template_string'),
    runStatement: isRunStatement,
    keepsCommentAboveDeclaration: false,
  };
}
