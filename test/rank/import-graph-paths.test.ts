import type { SourceFile } from '../../src/shared/types.js';
import { importEdges as edges, sourceAt } from '../helpers/source-file.js';

const file = (path: string, text = '\n'): SourceFile => sourceAt(path, text);

describe('import graph: joined paths, and Rust paths repeated across files and crates', () => {
  it('resolves the same `use` text against each file’s own crate and module', () => {
    const files = [
      file('one/Cargo.toml', '[package]\nname = "one"\n'),
      file('one/src/lib.rs', 'mod util;\nuse crate::util::Helper;\n'),
      file('one/src/util.rs', 'use super::Thing;\n'),
      file('one/src/main.rs', 'use crate::util::Helper;\nuse one_two::Api;\n'),
      file('two/Cargo.toml', '[package]\nname = "one-two"\n'),
      file('two/src/lib.rs', 'mod util;\nuse crate::util::Helper;\n'),
      file('two/src/util.rs', 'use self::inner::X;\nmod inner;\n'),
      file('two/src/util/inner.rs', 'use super::super::util::Helper;\n'),
    ];
    expect(edges(files)).toEqual([
      'one/src/lib.rs -> one/src/util.rs',
      'one/src/main.rs -> one/src/util.rs',
      'one/src/main.rs -> two/src/lib.rs',
      'one/src/util.rs -> one/src/lib.rs',
      'two/src/lib.rs -> two/src/util.rs',
      'two/src/util.rs -> two/src/util/inner.rs',
      'two/src/util/inner.rs -> two/src/util.rs',
    ]);
  });

  it('gives a second graph of other files its own answers', () => {
    const first = edges([file('src/lib.rs', 'use crate::a::B;\n'), file('src/a.rs')]);
    const second = edges([file('src/lib.rs', 'use crate::a::B;\n'), file('src/a/mod.rs')]);
    expect([first, second]).toEqual([['src/lib.rs -> src/a.rs'], ['src/lib.rs -> src/a/mod.rs']]);
  });

  it('joins specifiers with and without dot segments to the same files', () => {
    const files = [
      file('src/app/main.ts', "import './util';\nimport '../lib/./core';\nimport './/twice';\nimport '../../top';\nimport '.';\n"),
      file('src/app/util.ts'),
      file('src/app/twice.ts'),
      file('src/app/index.ts'),
      file('src/lib/core.ts'),
      file('top.ts'),
    ];
    expect(edges(files)).toEqual([
      'src/app/main.ts -> src/app/index.ts',
      'src/app/main.ts -> src/app/twice.ts',
      'src/app/main.ts -> src/app/util.ts',
      'src/app/main.ts -> src/lib/core.ts',
      'src/app/main.ts -> top.ts',
    ]);
  });
});
