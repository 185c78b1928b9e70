/**
 * A parser of `git cat-file --batch` output fed chunk by chunk: each object arrives as `<hash> <type> <size>\n`, its
 * bytes and a `\n` (or `<name> missing\n`). Blobs are handed over one at a time, so a whole index is never held in
 * memory at once, and the bytes of a blob over the size limit are counted past, never kept.
 */

/** One object of the batch, in request order. */
export type BatchObject =
  | { readonly kind: 'blob'; readonly bytes: Uint8Array }
  | { readonly kind: 'too-large'; readonly size: number }
  | { readonly kind: 'missing' };

const LINE_FEED = 0x0a;

export class BatchParser {
  private index = 0;
  private header: Buffer[] = [];
  /** The blob being filled, or the bytes still to skip (content and its trailing line feed). */
  private body: { buffer: Buffer | undefined; size: number; filled: number } | undefined;

  constructor(
    private readonly maxBytes: number,
    private readonly onObject: (index: number, object: BatchObject) => void,
  ) {}

  /** Objects handed over so far. */
  get count(): number {
    return this.index;
  }

  push(chunk: Buffer): void {
    let offset = 0;
    while (offset < chunk.length) offset = this.body ? this.fillBody(chunk, offset) : this.readHeader(chunk, offset);
  }

  private readHeader(chunk: Buffer, offset: number): number {
    const end = chunk.indexOf(LINE_FEED, offset);
    if (end === -1) {
      this.header.push(chunk.subarray(offset));
      return chunk.length;
    }
    this.header.push(chunk.subarray(offset, end));
    const line = Buffer.concat(this.header).toString('utf8');
    this.header = [];
    const found = /^[0-9a-f]+ \S+ (\d+)$/.exec(line);
    if (!found) {
      this.onObject(this.index++, { kind: 'missing' });
    } else {
      const size = Number(found[1]);
      // The trailing line feed is part of the body: counted in `size + 1`, never copied.
      this.body = { buffer: size > this.maxBytes ? undefined : Buffer.allocUnsafe(size), size, filled: 0 };
    }
    return end + 1;
  }

  private fillBody(chunk: Buffer, offset: number): number {
    const body = this.body!;
    const take = Math.min(chunk.length - offset, body.size + 1 - body.filled);
    if (body.buffer && body.filled < body.size) {
      chunk.copy(body.buffer, body.filled, offset, offset + Math.min(take, body.size - body.filled));
    }
    body.filled += take;
    if (body.filled === body.size + 1) {
      this.body = undefined;
      this.onObject(this.index++, body.buffer ? { kind: 'blob', bytes: body.buffer } : { kind: 'too-large', size: body.size });
    }
    return offset + take;
  }
}
