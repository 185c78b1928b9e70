/**
 * Where a finished bundle goes: stdout, `-o FILE`, the clipboard (`--copy`), or numbered part files (`--split`).
 * Also reads the `--stdin` file list. The only place besides `main` that writes the bundle.
 */
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { RepopackError } from '../shared/errors.js';
import type { PackResult } from '../shared/types.js';
import type { CliOptions } from './args.js';
import { copyToClipboard } from './clipboard.js';
import { formatCount } from './terminal.js';

/** The streams and environment delivery uses (process's own in the CLI). */
export interface DeliveryIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly env: NodeJS.ProcessEnv;
}

/** A bundle or a part of one, with its exact token count and where it was written (undefined for stdout). */
export interface DeliveredPart {
  readonly path?: string;
  readonly tokens: number;
}

/** `split into 3 parts (each ≤ 32,000 tokens): out.1.xml 31,870, out.2.xml 31,502, out.3.xml 12,004` */
export function formatParts(parts: readonly DeliveredPart[], budget: number): string {
  const list = parts.map((part, index) => `${part.path ?? `part ${index + 1}`} ${formatCount(part.tokens)}`).join(', ');
  return `split into ${parts.length} ${parts.length === 1 ? 'part' : 'parts'} (each ≤ ${formatCount(budget)} tokens): ${list}\n`;
}

/** Reads a file list: NUL-separated when the input holds a NUL (`git ls-files -z`), else one path per line. */
export async function readPathList(stream: NodeJS.ReadableStream): Promise<string[]> {
  let text = '';
  stream.setEncoding('utf8');
  for await (const chunk of stream) text += chunk as string;
  const entries = text.includes('\0') ? text.split('\0') : text.split(/\r?\n/);
  return entries.filter((entry) => entry.trim() !== '');
}

/** `out.xml` → `out.2.xml`; `bundle` → `bundle.2`. */
export function partPath(output: string, index: number): string {
  const extension = extname(output);
  return extension === '' ? `${output}.${index}` : `${output.slice(0, -extension.length)}.${index}${extension}`;
}

function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((done, fail) => stream.write(text, (error) => (error ? fail(error) : done())));
}

/** The bundle to `-o` (numbered files when split), else the parts one after another on stdout. */
async function writeParts(
  parts: readonly { bundle: string; tokens: number }[],
  output: string | undefined,
  io: DeliveryIo,
  isSplit: boolean,
): Promise<DeliveredPart[]> {
  const delivered: DeliveredPart[] = [];
  for (const [index, part] of parts.entries()) {
    if (output === undefined) {
      await write(io.stdout, part.bundle);
      delivered.push({ tokens: part.tokens });
    } else {
      const path = isSplit ? partPath(output, index + 1) : output;
      await writeFile(path, part.bundle);
      delivered.push({ path, tokens: part.tokens });
    }
  }
  return delivered;
}

/**
 * Writes the bundle (or its parts) and copies it with `--copy`. With `--copy` and no `-o`, the clipboard replaces
 * stdout; when copying fails the bundle goes to stdout after all, so it is never lost, and the exit code is 1.
 */
export async function deliverBundle(
  result: PackResult & { readonly parts?: readonly { bundle: string; tokens: number }[] },
  options: Pick<CliOptions, 'output' | 'copy'>,
  io: DeliveryIo,
): Promise<{ exitCode: 0 | 1; parts: DeliveredPart[]; copiedWith?: string }> {
  const parts = result.parts ?? [{ bundle: result.bundle, tokens: result.report.tokens }];
  const toStdout = options.output === undefined && !options.copy;
  const isSplit = result.parts !== undefined;
  const delivered = options.output !== undefined || toStdout ? await writeParts(parts, options.output, io, isSplit) : [];
  if (!options.copy) return { exitCode: 0, parts: delivered };
  try {
    const copiedWith = await copyToClipboard(parts.map((part) => part.bundle).join(''), io.env);
    return { exitCode: 0, parts: delivered.length > 0 ? delivered : parts.map((part) => ({ tokens: part.tokens })), copiedWith };
  } catch (error) {
    const hint = error instanceof RepopackError && error.hint !== undefined ? `hint: ${error.hint}\n` : '';
    await write(io.stderr, `error: ${(error as Error).message}\n${hint}`);
    if (delivered.length === 0) return { exitCode: 1, parts: await writeParts(parts, undefined, io, isSplit) };
    return { exitCode: 1, parts: delivered };
  }
}
