import { findGenericSecrets, GENERIC_KEYWORDS, GENERIC_RULE_ID } from './generic-assignments.js';
import { compileKeywords } from './keyword-scan.js';
import { SECRET_RULES } from './secret-rules.js';

const KEYWORDS = compileKeywords([...SECRET_RULES.flatMap((rule) => rule.keywords), ...GENERIC_KEYWORDS]);

/** One redacted secret: which rule found it and on which line of the original text it started. */
export interface SecretFinding {
  /** Rule id, as in the marker `[REDACTED:<rule>]`, e.g. `aws-access-key`, `generic-secret`. */
  readonly rule: string;
  /** 1-based line of the original text where the secret starts. */
  readonly line: number;
}

/** The text with every secret replaced, and what was replaced. */
export interface RedactionResult {
  readonly text: string;
  readonly findings: readonly SecretFinding[];
}

/** A span to replace; `priority` is the rule's place in the table (generic last), lower wins overlaps. */
interface Span {
  readonly start: number;
  readonly end: number;
  readonly rule: string;
  readonly priority: number;
}

/**
 * Replaces every secret in `text` by `[REDACTED:<rule>]`, keeping everything else byte for byte. Only the secret is
 * replaced: `API_KEY = "[REDACTED:generic-secret]"` keeps its key and quotes. Line structure is kept: a secret that
 * spans lines (a PEM private key block) becomes the marker followed by as many line breaks as the block held, so
 * the marker is on the block's first line and every later line keeps its number. Where two rules match the same
 * text, the more specific one (earlier in the table) names it. Files with none of the rules' keywords cost one
 * pass of the keyword scanner.
 */
export function redactSecrets(text: string): RedactionResult {
  const spans = findSpans(text);
  if (spans.length === 0) return { text, findings: [] };
  const findings: SecretFinding[] = [];
  const parts: string[] = [];
  let cursor = 0;
  let line = 1;
  for (const span of spans) {
    line += countLineBreaks(text, cursor, span.start);
    findings.push({ rule: span.rule, line });
    const secret = text.slice(span.start, span.end);
    const breaks = secret.match(/\r\n|\n|\r/g) ?? [];
    parts.push(text.slice(cursor, span.start), `[REDACTED:${span.rule}]`, ...breaks);
    line += breaks.length;
    cursor = span.end;
  }
  parts.push(text.slice(cursor));
  return { text: parts.join(''), findings };
}

/** Spans of every rule whose keywords occur, without overlaps, in order of position. */
function findSpans(text: string): Span[] {
  const present = KEYWORDS.present(text);
  if (present.size === 0) return [];
  const candidates: Span[] = [];
  SECRET_RULES.forEach((rule, priority) => {
    if (!rule.keywords.some((keyword) => present.has(keyword))) return;
    rule.pattern.lastIndex = 0;
    for (const match of text.matchAll(rule.pattern)) {
      const [start, end] = match.indices?.groups?.secret ?? match.indices![0]!;
      if (end > start && (rule.accept?.(text.slice(start, end), match.groups ?? {}) ?? true)) {
        candidates.push({ start, end, rule: rule.id, priority });
      }
    }
  });
  if (GENERIC_KEYWORDS.some((keyword) => present.has(keyword))) {
    for (const match of findGenericSecrets(text)) {
      candidates.push({ ...match, rule: GENERIC_RULE_ID, priority: SECRET_RULES.length });
    }
  }
  return withoutOverlaps(candidates);
}

/**
 * Keeps, left to right, each span that does not overlap one already kept. Among spans starting at the same place
 * the most specific rule wins, then the longest. A total order: same input, same spans.
 */
function withoutOverlaps(candidates: Span[]): Span[] {
  candidates.sort((a, b) => a.start - b.start || a.priority - b.priority || b.end - a.end);
  const kept: Span[] = [];
  for (const span of candidates) {
    const last = kept[kept.length - 1];
    if (last === undefined || span.start >= last.end) kept.push(span);
  }
  return kept;
}

/** Line breaks (`\n`, `\r\n` or a lone `\r`) in `text[from, to)`. */
function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index);
    if (code === 10) count++;
    else if (code === 13 && text.charCodeAt(index + 1) !== 10) count++;
  }
  return count;
}
