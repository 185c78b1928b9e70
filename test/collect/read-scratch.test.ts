import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { type TempRepo, makeRepo } from '../helpers/make-repo.js';
import { collect, isolateGitConfig } from './collect-test-kit.js';

isolateGitConfig();

let repo: TempRepo;
afterEach(() => repo.cleanup());

/** Files read in path order through one reused buffer: each must get its own bytes, never a longer file's leftovers. */
describe('reads through one reused buffer', () => {
  it('gives every file exactly its own text, whatever the sizes and encodings before it', async () => {
    const big = 'A'.repeat(200_000);
    const middle = `${'C'.repeat(90_000)}\n`;
    repo = await makeRepo({
      'a-big.txt': big,
      'b-small.txt': 'hi\n',
      'c-middle.txt': middle,
      'd-latin1.txt': '',
      'e-utf16.txt': '',
      'f-tiny.txt': 'x',
      'g-empty.txt': '',
    });
    await repo.write('d-latin1.txt', Uint8Array.from([...Buffer.from('caf'), 0xe9, 0x0a]));
    await repo.write('e-utf16.txt', Uint8Array.from([0xff, 0xfe, ...Buffer.from('ok\n', 'utf16le')]));
    await symlink(join(repo.root, 'b-small.txt'), join(repo.root, 'h-link.txt'));
    const collection = await collect(repo.root);
    const texts = Object.fromEntries(collection.files.map((file) => [file.path, file.text]));
    expect(texts).toEqual({
      'a-big.txt': big,
      'b-small.txt': 'hi\n',
      'c-middle.txt': middle,
      'd-latin1.txt': 'café\n',
      'e-utf16.txt': 'ok\n',
      'f-tiny.txt': 'x',
      'g-empty.txt': '',
      'h-link.txt': 'hi\n',
    });
    expect(collection.files.map((file) => file.bytes)).toEqual([200_000, 3, 90_001, 5, 8, 1, 0, 3]);
  });
});
