import { type BatchObject, BatchParser } from '../../src/collect/blob-stream.js';

/** `git cat-file --batch` output for these objects (undefined = missing). */
function batchOutput(objects: readonly (string | undefined)[]): Buffer {
  const parts = objects.map((text, index) => {
    const hash = String(index).padStart(40, 'a');
    if (text === undefined) return Buffer.from(`${hash} missing\n`);
    const bytes = Buffer.from(text, 'utf8');
    return Buffer.concat([Buffer.from(`${hash} blob ${bytes.length}\n`), bytes, Buffer.from('\n')]);
  });
  return Buffer.concat(parts);
}

function parseInChunks(output: Buffer, sizes: readonly number[], maxBytes: number): [number, BatchObject][] {
  const seen: [number, BatchObject][] = [];
  const parser = new BatchParser(maxBytes, (index, object) => seen.push([index, object]));
  let offset = 0;
  for (let turn = 0; offset < output.length; turn++) {
    const size = sizes[turn % sizes.length]!;
    parser.push(output.subarray(offset, offset + size));
    offset += size;
  }
  return seen;
}

const OBJECTS = ['first file\nwith lines\n', '', undefined, 'x'.repeat(50), 'héllo\nwörld\n\n', '\n\n'];

describe('BatchParser', () => {
  it('hands over every object in order, whatever the chunk boundaries', () => {
    const output = batchOutput(OBJECTS);
    for (const sizes of [[1], [2, 3], [7], [64], [output.length], [5, 1, 13]]) {
      const seen = parseInChunks(output, sizes, 40);
      expect(seen.map(([index]) => index)).toEqual([0, 1, 2, 3, 4, 5]);
      const described = seen.map(([, object]) =>
        object.kind === 'blob' ? Buffer.from(object.bytes).toString('utf8') : object.kind === 'too-large' ? `too-large ${object.size}` : 'missing',
      );
      expect(described).toEqual(['first file\nwith lines\n', '', 'missing', 'too-large 50', 'héllo\nwörld\n\n', '\n\n']);
    }
  });
});
