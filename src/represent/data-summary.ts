/**
 * Configuration files read line by line (yaml, toml, ini) → `skeleton` (structure with long lists and values cut)
 * and `outline` (top-level keys and sections with line numbers). No parser: the input need not even be valid.
 */
import { type Summary, countLines, formatCount, splitLines } from './summary-text.js';
import { INI_KEY_VALUE, iniSkeleton, tableOutline, tomlSkeleton } from './toml-lines.js';
import { YAML_MAX_DEPTH, yamlOutline, yamlSkeleton } from './yaml-lines.js';

/** Line-based configuration languages this module summarises. */
export type ConfigLanguage = 'yaml' | 'toml' | 'ini';

/** Whether `language` names a format {@link summarizeConfig} understands. */
export function isConfigLanguage(language: string | undefined): language is ConfigLanguage {
  return language === 'yaml' || language === 'toml' || language === 'ini';
}

/** Skeleton and outline of a configuration file, richest first; empty views are left out. */
export function summarizeConfig(language: ConfigLanguage, text: string): Summary[] {
  const lines = splitLines(text);
  const count = formatCount(countLines(text));
  const views = viewsOf(language, lines, count);
  const summaries: Summary[] = [];
  if (views.skeleton.length > 0) {
    summaries.push({ level: 'skeleton', text: views.skeleton.join('\n') + '\n', note: views.skeletonNote });
  }
  if (views.outline.length > 0) {
    summaries.push({ level: 'outline', text: views.outline.join('\n') + '\n', note: views.outlineNote });
  }
  return summaries;
}

interface ConfigViews {
  readonly skeleton: readonly string[];
  readonly skeletonNote: string;
  readonly outline: readonly string[];
  readonly outlineNote: string;
}

/** `count` is the formatted line count of the input, for the notes. */
function viewsOf(language: ConfigLanguage, lines: readonly string[], count: string): ConfigViews {
  switch (language) {
    case 'yaml':
      return {
        skeleton: yamlSkeleton(lines),
        skeletonNote: `structure of ${count} lines to depth ${YAML_MAX_DEPTH}, long lists and values cut`,
        outline: yamlOutline(lines),
        outlineNote: `top-level keys of ${count} lines`,
      };
    case 'toml':
      return {
        skeleton: tomlSkeleton(lines),
        skeletonNote: `tables and keys of ${count} lines, long arrays and values cut`,
        outline: tableOutline(lines),
        outlineNote: `tables and top-level keys of ${count} lines`,
      };
    case 'ini':
      return {
        skeleton: iniSkeleton(lines),
        skeletonNote: `sections and keys of ${count} lines, long values cut`,
        outline: tableOutline(lines, INI_KEY_VALUE),
        outlineNote: `sections and top-level keys of ${count} lines`,
      };
  }
}
