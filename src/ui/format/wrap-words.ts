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
 * Closing punctuation of Chinese and Japanese that may not start a line (the
 * line-start rule of kinsoku shori, JIS X 4051): a full stop or a closing
 * bracket belongs at the end of the text it closes.
 *
 * @see https://www.w3.org/TR/jlreq/#characters_not_starting_a_line
 */
const NOT_AT_LINE_START = new Set(Array.from('。．，、；：？！）」』】〕〉》｝］〗〙｡､'));

/**
 * Greedy word wrap of one line of text (no line breaks in it); returns the
 * index where each line starts. A word longer than a line (or a run of
 * Chinese, which has no spaces) is split, and where that would start a line
 * with closing punctuation (`。`, `」`), the character before it moves down
 * with it, as CJK typesetting does.
 */
export function wrapWords(characters: readonly string[], widths: readonly number[], width: number): number[] {
  const starts = [0];
  let lineStart = 0;
  for (;;) {
    const fit = fitColumns(widths, lineStart, width);
    if (fit >= characters.length) return starts;
    // Break at the last space that leaves the line within the width.
    const space = characters.lastIndexOf(' ', fit);
    lineStart = space > lineStart ? space + 1 : splitBefore(characters, lineStart, fit);
    starts.push(lineStart);
  }
}

/** Where a line split inside a run of characters ends: at `fit`, or earlier so the next line starts with no closing punctuation. */
function splitBefore(characters: readonly string[], lineStart: number, fit: number): number {
  let split = fit;
  // The line keeps at least one character, or it would never end.
  while (split - 1 > lineStart && NOT_AT_LINE_START.has(characters[split] ?? '')) split--;
  return split;
}

/** Text broken into the lines it shows at a width, and where line breaks were added to it. */
export interface BrokenLines {
  text: string;
  /**
   * UTF-16 offsets in the original text before which a line break was added
   * (a split moved back for closing punctuation; ascending). Every other break
   * replaced a space, which keeps the offsets.
   */
  added: number[];
}

/**
 * {@link breakAtSpaces}, telling where breaks were added rather than put in
 * place of a space, so that offsets into the original text can be mapped
 * into the broken one (`offsetInBroken`).
 */
export function breakLines(text: string, width: number): BrokenLines {
  const columns = Math.max(1, width);
  const added: number[] = [];
  let lineOffset = 0;
  const lines = text.split('\n').map((line) => {
    const characters = Array.from(line);
    const widths = characters.map((character) => stringWidth(character));
    const starts = wrapWords(characters, widths, columns);
    const offsets = characterOffsets(characters, lineOffset);
    lineOffset += line.length + 1;
    const pieces = [...characters];
    for (const [index, start] of starts.entries()) {
      if (start === 0) continue;
      if (characters[start - 1] === ' ') pieces[start - 1] = '\n';
      // A split the terminal would make elsewhere (moved back for closing punctuation) is made here.
      else if (start < fitColumns(widths, starts[index - 1] ?? 0, columns)) {
        pieces[start - 1] = `${pieces[start - 1] ?? ''}\n`;
        added.push(offsets[start] ?? 0);
      }
    }
    return pieces.join('');
  });
  return { text: lines.join('\n'), added };
}

/** The UTF-16 offset of each character of a line (and of its end) that starts at `lineOffset`. */
function characterOffsets(characters: readonly string[], lineOffset: number): number[] {
  const offsets = [lineOffset];
  for (const character of characters) offsets.push((offsets.at(-1) ?? 0) + character.length);
  return offsets;
}

/**
 * Where `offset` of the original text lies in the text {@link breakLines}
 * returned: after the breaks added before it, and after one added right at
 * it (the character there starts the next line).
 */
export function offsetInBroken(lines: BrokenLines, offset: number): number {
  return offset + lines.added.filter((added) => added <= offset).length;
}

/**
 * `text` with each space where it wraps at `width` columns turned into a line
 * break, so every line fits and the terminal wraps nothing. The length stays
 * the same (a space becomes one `\n`), so slices of the text keep their offsets,
 * except where a run without spaces (Chinese, Japanese) would wrap before
 * closing punctuation: there a line break is added one character earlier (see
 * `wrapWords`; {@link breakLines} says where).
 *
 * Why: Ink wraps text without trimming (to keep intended indents), so a line
 * that fills the width exactly pushes the space after it to the start of the
 * next line, and the paragraph reads with a ragged left edge.
 *
 * @example
 * breakAtSpaces('aaaa bbbb cccc', 9) // → 'aaaa bbbb\ncccc' (Ink alone: 'aaaa bbbb\n cccc')
 * breakAtSpaces('公司成立。', 8) // → '公司成\n立。' (Ink alone: '公司成立\n。')
 */
export function breakAtSpaces(text: string, width: number): string {
  return breakLines(text, width).text;
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
