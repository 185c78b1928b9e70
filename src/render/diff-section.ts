/**
 * The change parts of a bundle: a `changes` block after the header (what the diffs compare, the recent commits) and
 * one diff section per changed path, rendered between the tree and the files. Each diff section stands alone like a
 * file section, so `fit` prices it on its own; a `stat` variant has no text and renders as one line.
 */
import type { CommitSummary, DiffLevel } from '../shared/types.js';
import { displayText } from './display-text.js';
import { fenceFor } from './escape-markdown.js';
import { delimiterFor } from './escape-plain.js';
import { escapeXmlAttribute, escapeXmlText, xmlCdata } from './escape-xml.js';
import { withFinalNewline } from './final-newline.js';
import type { BundleChanges, SectionEntry, Style } from './render-types.js';

/** Words for each diff level, in section labels. */
const DIFF_LEVEL_LABEL: Readonly<Record<DiffLevel, string>> = {
  'function-context': 'hunks with their enclosing functions',
  hunks: 'hunks with 1 line of context',
  'zero-context': 'hunks without context lines',
  stat: 'summary only',
};

/** Our own sentences on one line: line breaks and control characters (only possible inside quoted paths) become U+FFFD. */
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '\ufffd');
}

function levelOf(entry: SectionEntry): DiffLevel {
  return entry.variant.diffLevel ?? 'stat';
}

/** One line per commit: `abc1234 2026-01-01 Author: subject (3 files: a.ts, b.ts, …)`. */
export function commitLine(commit: CommitSummary): string {
  const shown = commit.files.slice(0, COMMIT_FILES_SHOWN);
  const more = commit.files.length > shown.length ? `, … ${commit.files.length - shown.length} more` : '';
  const files = commit.files.length === 0 ? '' : ` [${shown.join(', ')}${more}]`;
  return `${commit.hash.slice(0, 7)} ${commit.date.slice(0, 10)} ${commit.author}: ${commit.subject}${files}`;
}

/** Files named per commit in the log; the rest are counted. Ten covers most commits whole (hand-set). */
const COMMIT_FILES_SHOWN = 10;

/** The block after the header describing the diffs and listing the commits; `''` without changes. */
export function renderChangesBlock(style: Style, changes: BundleChanges | undefined): string {
  if (changes === undefined) return '';
  const lines = changes.commits.map(commitLine);
  switch (style) {
    case 'xml': {
      const log = lines.map((line) => `${escapeXmlText(line)}\n`).join('');
      return `<changes description="${escapeXmlAttribute(changes.description)}" files="${changes.fileCount}">\n${log}</changes>\n`;
    }
    case 'markdown': {
      const log = lines.map((line) => `- ${oneLine(line)}\n`).join('');
      return `## Changes\n${oneLine(changes.description)}: ${changes.fileCount} changed paths.\n${log}`;
    }
    case 'plain': {
      const body = [`${changes.description}: ${changes.fileCount} changed paths.`, ...lines].map((line) => `${oneLine(line)}\n`).join('');
      const delimiter = delimiterFor(body);
      return `${delimiter} changes ${delimiter}\n${body}${delimiter}\n`;
    }
    case 'json':
      return `"changes":${JSON.stringify({ description: changes.description, files: changes.fileCount, log: lines })},\n`;
  }
}

/** One diff section. The entry's `note` is the change summary, its variant's `diffLevel` says how much is shown. */
export function renderDiffSection(style: Style, entry: SectionEntry): string {
  const level = levelOf(entry);
  const summary = entry.variant.note ?? '';
  const { text } = entry.variant;
  switch (style) {
    case 'xml': {
      const attributes = `path="${escapeXmlAttribute(entry.path)}" level="${level}" change="${escapeXmlAttribute(summary)}"`;
      return text === '' ? `<diff ${attributes}/>\n` : `<diff ${attributes}>\n${xmlCdata(text)}\n</diff>\n`;
    }
    case 'markdown': {
      const title = `### diff ${displayText(entry.path)}\n${oneLine(summary)}; ${DIFF_LEVEL_LABEL[level]}\n`;
      if (text === '') return title;
      const body = withFinalNewline(text);
      const fence = fenceFor(body);
      return `${title}${fence}diff\n${body}${fence}\n`;
    }
    case 'plain': {
      const title = `diff ${displayText(entry.path)} · ${oneLine(summary)}; ${DIFF_LEVEL_LABEL[level]}`;
      const body = withFinalNewline(text);
      const delimiter = delimiterFor(body);
      return text === '' ? `${delimiter} ${title} ${delimiter}\n` : `${delimiter} ${title} ${delimiter}\n${body}${delimiter}\n`;
    }
    case 'json':
      return `,${JSON.stringify({ diff: entry.path, change: summary, level, content: text === '' ? undefined : text })}\n`;
  }
}
