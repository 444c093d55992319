/**
 * Cursor steps over whole code points: a character outside the Basic
 * Multilingual Plane (`𠮷`, most emoji) is two UTF-16 code units, and a
 * cursor between them would split it into two broken halves.
 */

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** The UTF-16 offset one code point before `offset` (0 stays 0). */
export function previousCodePoint(text: string, offset: number): number {
  if (offset <= 0) return 0;
  const pair = offset >= 2 && isLowSurrogate(text.charCodeAt(offset - 1)) && isHighSurrogate(text.charCodeAt(offset - 2));
  return offset - (pair ? 2 : 1);
}

/** The UTF-16 offset one code point after `offset` (the end stays the end). */
export function nextCodePoint(text: string, offset: number): number {
  if (offset >= text.length) return text.length;
  const pair = isHighSurrogate(text.charCodeAt(offset)) && isLowSurrogate(text.charCodeAt(offset + 1));
  return offset + (pair ? 2 : 1);
}

/** True when `offset` falls between the two halves of a surrogate pair, so a cut there would break a character. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}
