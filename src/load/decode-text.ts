/** The result of decoding a file's bytes: the text, or why it is not text. */
export type DecodeResult =
  | { ok: true; text: string }
  | { ok: false; reason: 'binary' | 'invalid-utf8'; detail: string };

/** How much of the start of a file is searched for NUL characters. */
const BINARY_SNIFF_BYTES = 8 * 1024;

const RESAVE_HINT = 're-save the file as UTF-8';

/**
 * Decodes a file's bytes as text. Strips a UTF-8 byte-order mark, decodes UTF-16
 * LE/BE when it starts with one, and otherwise requires valid UTF-8. Nothing else
 * is normalised (CRLF stays), because every position refers to this text.
 * Never throws: a file that is not text comes back as a reason and a one-line detail.
 *
 * @example
 * decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69])) // { ok: true, text: 'hi' }
 */
export function decodeText(bytes: Uint8Array): DecodeResult {
  if (startsWith(bytes, [0xff, 0xfe])) return decodeUtf16(bytes.subarray(2), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return decodeUtf16(bytes.subarray(2), 'utf-16be');
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  if (body.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return binary();
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(body) };
  } catch {
    const offset = findInvalidUtf8Offset(body) + (body === bytes ? 0 : 3);
    return {
      ok: false,
      reason: 'invalid-utf8',
      detail: `invalid UTF-8 at byte ${offset} (line ${countLines(bytes, offset)}); ${RESAVE_HINT}`,
    };
  }
}

function decodeUtf16(body: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodeResult {
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(body);
  } catch {
    // The reason union has no UTF-16 case; the detail says what is really wrong.
    return {
      ok: false,
      reason: 'invalid-utf8',
      detail: `invalid ${encoding.toUpperCase()} text; ${RESAVE_HINT}`,
    };
  }
  // UTF-16 is full of NUL bytes, so look for NUL characters instead.
  if (text.slice(0, BINARY_SNIFF_BYTES / 2).includes('\0')) return binary();
  return { ok: true, text };
}

function binary(): DecodeResult {
  return { ok: false, reason: 'binary', detail: 'binary file (NUL bytes); not a text document' };
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/** 1-based line of a byte offset, counting LF (so CRLF counts once). */
function countLines(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset; index++) if (bytes[index] === 0x0a) line++;
  return line;
}

/**
 * Offset of the first byte of the first ill-formed UTF-8 sequence: a stray
 * continuation byte, a lead byte that cannot start a sequence, or a sequence that
 * is cut short, overlong, a surrogate or above U+10FFFF.
 * @see https://encoding.spec.whatwg.org/#utf-8-decoder (the same byte ranges)
 */
function findInvalidUtf8Offset(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] ?? 0;
    if (lead < 0x80) {
      index++;
      continue;
    }
    const [length, secondMin, secondMax] = sequenceShape(lead);
    if (length === 0) return index;
    for (let next = 1; next < length; next++) {
      const byte = bytes[index + next];
      const min = next === 1 ? secondMin : 0x80;
      const max = next === 1 ? secondMax : 0xbf;
      if (byte === undefined || byte < min || byte > max) return index;
    }
    index += length;
  }
  return bytes.length;
}

/** Sequence length and the allowed range of its second byte; length 0 for a bad lead byte. */
function sequenceShape(lead: number): [number, number, number] {
  if (lead >= 0xc2 && lead <= 0xdf) return [2, 0x80, 0xbf];
  if (lead === 0xe0) return [3, 0xa0, 0xbf];
  if (lead === 0xed) return [3, 0x80, 0x9f];
  if (lead >= 0xe1 && lead <= 0xef) return [3, 0x80, 0xbf];
  if (lead === 0xf0) return [4, 0x90, 0xbf];
  if (lead >= 0xf1 && lead <= 0xf3) return [4, 0x80, 0xbf];
  if (lead === 0xf4) return [4, 0x80, 0x8f];
  return [0, 0, 0];
}
