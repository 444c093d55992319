/**
 * A piece of a text and where it lies: `text === source.slice(start, end)`,
 * in UTF-16 offsets with the end exclusive.
 */
export interface TextSpan {
  text: string;
  start: number;
  end: number;
}

/** An offset range without its text, for the chunker's inner loops where slicing would cost. */
export interface OffsetRange {
  start: number;
  end: number;
}

/**
 * Whether a UTF-16 code unit is whitespace in the sense of `String.prototype.trim`
 * (and `\s`), so trimmed spans agree with `chunk.text.trim()`.
 */
export function isWhitespaceCode(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x20 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Narrows `start..end` of `text` past surrounding whitespace; `null` when nothing is left. */
export function trimRange(
  text: string,
  start: number,
  end: number,
): OffsetRange | null {
  let trimmedStart = start;
  let trimmedEnd = end;
  while (
    trimmedStart < trimmedEnd &&
    isWhitespaceCode(text.charCodeAt(trimmedStart))
  ) {
    trimmedStart++;
  }
  while (
    trimmedEnd > trimmedStart &&
    isWhitespaceCode(text.charCodeAt(trimmedEnd - 1))
  ) {
    trimmedEnd--;
  }
  return trimmedStart < trimmedEnd
    ? { start: trimmedStart, end: trimmedEnd }
    : null;
}

/** The span of `text` between the offsets, with its text sliced out. */
export function createSpan(text: string, range: OffsetRange): TextSpan {
  const { start, end } = range;
  return { text: text.slice(start, end), start, end };
}
