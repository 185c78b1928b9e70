/**
 * Lower-case extensions (without the dot) of formats that are binary by definition. Files with these extensions are
 * skipped as `binary` without being read; everything else is sniffed after reading.
 */
export const BINARY_EXTENSIONS: ReadonlySet<string> = new Set([
  // images
  'png', 'jpg', 'jpeg', 'gif', 'bmp', 'ico', 'icns', 'tif', 'tiff', 'webp', 'avif', 'heic', 'heif', 'psd', 'raw',
  // audio and video
  'mp3', 'wav', 'ogg', 'flac', 'aac', 'm4a', 'opus', 'mp4', 'm4v', 'mov', 'avi', 'mkv', 'webm', 'wmv', 'flv',
  // archives and compressed data
  'zip', 'tar', 'gz', 'tgz', 'bz2', 'xz', 'zst', 'lz', 'lz4', '7z', 'rar', 'br', 'cab', 'deb', 'rpm', 'dmg', 'iso',
  // fonts
  'ttf', 'otf', 'woff', 'woff2', 'eot',
  // executables, objects and libraries
  'exe', 'dll', 'so', 'dylib', 'a', 'lib', 'o', 'obj', 'bin', 'elf', 'wasm', 'class', 'jar', 'war', 'ear',
  'pyc', 'pyo', 'pyd', 'beam', 'node', 'apk', 'aab', 'ipa',
  // documents
  'pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'odt', 'ods', 'odp', 'epub',
  // databases and serialized data
  'sqlite', 'sqlite3', 'db', 'mdb', 'parquet', 'avro', 'orc', 'feather', 'arrow', 'npy', 'npz', 'pkl', 'pickle',
  'h5', 'hdf5', 'onnx', 'pt', 'pth', 'ckpt', 'safetensors', 'tflite', 'pb',
  // misc
  'swf', 'blend', 'fbx', 'glb', 'lockb',
]);

/** True when the file name's extension names a binary format. */
export function hasBinaryExtension(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 && BINARY_EXTENSIONS.has(name.slice(dot + 1).toLowerCase());
}
