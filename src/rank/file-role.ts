import type { SourceFile } from '../shared/types.js';

/** What a file is for, judged from its path and kind. */
export type FileRole =
  | 'readme'
  | 'manifest'
  | 'entry-point'
  | 'source'
  | 'doc'
  | 'config'
  | 'test'
  | 'example'
  | 'changelog'
  | 'generated'
  | 'vendored'
  | 'data';

/**
 * Base score per role, on a 0–100 scale. Hand-set from what a reader new to a repository opens first: the README and
 * manifests explain it, entry points show how it starts, source is the substance; tests, examples, data and generated
 * or vendored code are rarely what a task needs first.
 */
export const ROLE_SCORE: Readonly<Record<FileRole, number>> = {
  readme: 100,
  manifest: 85,
  'entry-point': 75,
  source: 60,
  doc: 40,
  config: 35,
  test: 25,
  example: 20,
  changelog: 15,
  data: 10,
  generated: 5,
  vendored: 5,
};

const MANIFESTS = new Set([
  'package.json', 'pyproject.toml', 'setup.py', 'setup.cfg', 'requirements.txt', 'go.mod', 'Cargo.toml', 'pom.xml',
  'build.gradle', 'build.gradle.kts', 'settings.gradle', 'Gemfile', 'composer.json', 'mix.exs', 'CMakeLists.txt',
  'Makefile', 'Dockerfile', 'tsconfig.json', 'deno.json', 'Package.swift', 'pubspec.yaml',
]);

const ENTRY_POINT = /(^|\/)(index|main|__main__|app|server|cli|lib|mod)\.[a-z]+$|^bin\/|(^|\/)cmd\/[^/]+\/main\.go$/;
const TEST = /(^|\/)(tests?|__tests__|spec|specs|testing|testdata)\/|[._-](test|spec)\.[a-z]+$|(^|\/)test_[^/]+\.py$|_test\.go$/;
const EXAMPLE = /(^|\/)(examples?|samples?|demos?|fixtures?|benchmarks?|bench|tutorials?|docs_src)\//;
const GENERATED = /(\.generated\.|\.gen\.|_pb2\.py$|\.pb\.go$|\.d\.ts$|(^|\/)generated\/)/;
// Besides the usual vendor folders: packages installed into the tree (a Lambda layer's `site-packages`, a committed
// `node_modules`) and libraries that keep a copy of another one (`botocore/vendored/requests`), which otherwise crowd a
// bundle's largest sections with code nobody in the repository wrote.
const VENDORED = /(^|\/)(vendor|vendored|third_party|third-party|external|deps|site-packages|dist-packages|node_modules|bower_components)\//;
const CHANGELOG = /(^|\/)(CHANGELOG|CHANGES|HISTORY|NEWS|RELEASES?)(\.[a-z]+)?$/i;
const README = /(^|\/)README(\.[a-z]+)?$/i;

/** The file's path within its root: with several roots, without the root's label. */
export function pathInRoot(file: Pick<SourceFile, 'path' | 'root'>): string {
  return file.root !== undefined && file.path.startsWith(`${file.root}/`) ? file.path.slice(file.root.length + 1) : file.path;
}

/** Classify a file by its path within its root; the first matching rule wins, most specific first. */
export function classifyRole(file: SourceFile): FileRole {
  const path = pathInRoot(file);
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (VENDORED.test(path)) return 'vendored';
  if (GENERATED.test(path)) return 'generated';
  if (README.test(path)) return 'readme';
  if (CHANGELOG.test(path)) return 'changelog';
  if (TEST.test(path)) return 'test';
  if (EXAMPLE.test(path)) return 'example';
  if (MANIFESTS.has(name)) return 'manifest';
  if (file.kind === 'code' && ENTRY_POINT.test(path)) return 'entry-point';
  switch (file.kind) {
    case 'code':
      return 'source';
    case 'doc':
      return 'doc';
    case 'config':
      return 'config';
    case 'data':
      return 'data';
  }
}
