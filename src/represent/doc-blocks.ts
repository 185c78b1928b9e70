/** The structure the document summaries are built from, shared by the markdown, rst and asciidoc scanners. */

/** A section title as found in the source. */
export interface HeadingBlock {
  readonly kind: 'heading';
  /** The heading's source lines with their original markup (underlines and overlines included). */
  readonly lines: readonly string[];
  /** Marker for the outline: the original `#`/`=` run, or `#` × level for underline-style headings. */
  readonly marker: string;
  readonly title: string;
  /** 1-based line of the title text. */
  readonly startLine: number;
}

/** A run of non-blank prose lines (code, comments and directives are never paragraphs). */
export interface ParagraphBlock {
  readonly kind: 'paragraph';
  readonly lines: readonly string[];
}

/** Headings and paragraphs of a document in source order. */
export type DocBlock = HeadingBlock | ParagraphBlock;

/** Collects paragraph lines and emits them as one block when a blank line or another block ends them. */
export class ParagraphCollector {
  readonly blocks: DocBlock[] = [];
  private pending: string[] = [];

  /** @param isProse decides whether a finished paragraph is kept (a badge row is not prose). */
  constructor(private readonly isProse: (lines: readonly string[]) => boolean = () => true) {}

  get isOpen(): boolean {
    return this.pending.length > 0;
  }

  /** First line of the open paragraph, `''` when none is open. */
  get firstLine(): string {
    return this.pending[0] ?? '';
  }

  add(line: string): void {
    this.pending.push(line);
  }

  /** Takes the open paragraph's lines away (setext headings turn them into a title). */
  take(): string[] {
    const lines = this.pending;
    this.pending = [];
    return lines;
  }

  flush(): void {
    const lines = this.take();
    if (lines.length > 0 && this.isProse(lines)) this.blocks.push({ kind: 'paragraph', lines });
  }

  heading(block: Omit<HeadingBlock, 'kind'>): void {
    this.flush();
    this.blocks.push({ kind: 'heading', ...block });
  }

  finish(): DocBlock[] {
    this.flush();
    return this.blocks;
  }
}
