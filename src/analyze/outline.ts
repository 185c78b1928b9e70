/** The outline level: one line per definition, indented by nesting, with its line number. */
import type { DefinitionRecord } from './syntax-scan.js';

/** `L12 class SessionStore<TData> extends EventEmitter` / `  L15 method get(id: string)`. */
export function buildOutline(definitions: readonly DefinitionRecord[]): string {
  return definitions
    .map((definition) => `${'  '.repeat(definition.depth)}L${definition.startLine} ${definition.kind} ${definition.header}`)
    .join('\n');
}
