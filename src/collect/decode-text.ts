import type { TextEncoding } from '../shared/types.js';

/** How many leading bytes are searched for a NUL; the same window git uses to call a blob binary. */
export const BINARY_SNIFF_BYTES = 8000;

/**
 * Largest share of control bytes (C0 other than tab, newline, carriage return and form feed; DEL; the five C1 bytes
 * Windows-1252 leaves undefined) that bytes failing UTF-8 may hold and still be taken for Latin-1 text. Real
 * Latin-1 / Windows-1252 prose has almost none, while random binary data has about one in eight.
 */
export const LATIN1_MAX_CONTROL_RATIO = 0.01;

/** The outcome of decoding a file's bytes. */
export type DecodeResult =
  | { readonly ok: true; readonly text: string; readonly encoding: TextEncoding }
  | { readonly ok: false; readonly reason: 'binary' | 'invalid-utf8'; readonly detail: string };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const utf16le = new TextDecoder('utf-16le');

/**
 * Windows-1252 characters for bytes 0x80–0x9F (the five unassigned bytes keep their C1 code point). Files called
 * "Latin-1" are nearly always Windows-1252, whose curly quotes and dashes live here. Written out because Node 20's
 * `TextDecoder('windows-1252')` decodes these bytes as ISO-8859-1 C1 controls.
 */
const WINDOWS_1252_HIGH = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';

/**
 * Decodes file bytes as text, or says why they are not text. Order matters: a UTF-16 BOM is checked before the NUL
 * sniff because UTF-16 text is full of NUL bytes. A UTF-8 or UTF-16 BOM is not part of the returned text.
 */
export function decodeText(bytes: Uint8Array): DecodeResult {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { ok: true, text: utf16le.decode(bytes), encoding: 'utf16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { ok: true, text: decodeUtf16be(bytes), encoding: 'utf16be' };
  }
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
    return { ok: false, reason: 'binary', detail: `NUL byte in the first ${BINARY_SNIFF_BYTES} bytes` };
  }
  try {
    return { ok: true, text: strictUtf8.decode(bytes), encoding: 'utf8' };
  } catch {
    // Not UTF-8: fall through to the Latin-1 heuristic.
  }
  if (looksLikeLatin1(bytes)) return { ok: true, text: decodeWindows1252(bytes), encoding: 'latin1' };
  return { ok: false, reason: 'invalid-utf8', detail: 'neither UTF-8 nor Latin-1 text' };
}

function decodeUtf16be(bytes: Uint8Array): string {
  // Swap to little-endian on a copy (the caller's buffer stays intact); an odd trailing byte is dropped.
  const swapped = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)));
  return utf16le.decode(swapped.swap16());
}

function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\x80-\x9f]/g, (char) => WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80] ?? char);
}

function looksLikeLatin1(bytes: Uint8Array): boolean {
  let controls = 0;
  for (const byte of bytes) {
    if (isControlByte(byte)) controls++;
  }
  return controls <= bytes.length * LATIN1_MAX_CONTROL_RATIO;
}

/** Bytes Windows-1252 does not assign; the other 0x80–0x9F bytes are quotes, dashes and the euro sign. */
const WINDOWS_1252_UNDEFINED: ReadonlySet<number> = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

function isControlByte(byte: number): boolean {
  if (byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d) return false;
  return byte < 0x20 || byte === 0x7f || WINDOWS_1252_UNDEFINED.has(byte);
}
