import stringWidth from 'string-width';

/**
 * The index after the last character from `start` that still fits in
 * `columns` (at least one character, so a line always moves on).
 */
export function fitColumns(widths: readonly number[], start: number, columns: number): number {
  let used = 0;
  let end = start;
  while (end < widths.length && used + (widths[end] ?? 0) <= columns) used += widths[end++] ?? 0;
  return Math.max(end, Math.min(start + 1, widths.length));
}

/**
 * Greedy word wrap of one line of text (no line breaks in it); returns the
 * index where each line starts. A word longer than a line (or a run of
 * Chinese, which has no spaces) is split.
 */
export function wrapWords(characters: readonly string[], widths: readonly number[], width: number): number[] {
  const starts = [0];
  let lineStart = 0;
  for (;;) {
    const fit = fitColumns(widths, lineStart, width);
    if (fit >= characters.length) return starts;
    // Break at the last space that leaves the line within the width.
    const space = characters.lastIndexOf(' ', fit);
    lineStart = space > lineStart ? space + 1 : fit;
    starts.push(lineStart);
  }
}

/**
 * `text` with each space where it wraps at `width` columns turned into a line
 * break, so every line fits and the terminal wraps nothing. The length stays
 * the same (a space becomes one `\n`), so slices of the text keep their offsets.
 *
 * Why: Ink wraps text without trimming (to keep intended indents), so a line
 * that fills the width exactly pushes the space after it to the start of the
 * next line, and the paragraph reads with a ragged left edge.
 *
 * @example
 * breakAtSpaces('aaaa bbbb cccc', 9) // → 'aaaa bbbb\ncccc' (Ink alone: 'aaaa bbbb\n cccc')
 */
export function breakAtSpaces(text: string, width: number): string {
  const columns = Math.max(1, width);
  return text
    .split('\n')
    .map((line) => {
      const characters = Array.from(line);
      const starts = wrapWords(characters, characters.map((character) => stringWidth(character)), columns);
      for (const start of starts) {
        if (characters[start - 1] === ' ') characters[start - 1] = '\n';
      }
      return characters.join('');
    })
    .join('\n');
}

/**
 * The UTF-16 offset of each line the terminal shows of `text` drawn `width`
 * columns wide: the start, after each line break, and where a line too long
 * for the width wraps (as {@link wrapWords} wraps it, which is how Ink wraps
 * the text {@link breakAtSpaces} leaves it).
 *
 * @example
 * visualLineStarts('one two\nthree four', 10) // → [0, 8]
 */
export function visualLineStarts(text: string, width: number): number[] {
  const columns = Math.max(1, width);
  const starts: number[] = [];
  let lineOffset = 0;
  for (const line of text.split('\n')) {
    const characters = Array.from(line);
    const wraps = wrapWords(characters, characters.map((character) => stringWidth(character)), columns);
    let offset = lineOffset;
    let index = 0;
    for (const wrap of wraps) {
      for (; index < wrap; index++) offset += characters[index]?.length ?? 0;
      starts.push(offset);
    }
    lineOffset += line.length + 1;
  }
  return starts;
}
