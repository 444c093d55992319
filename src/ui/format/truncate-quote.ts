/** The character that marks a quote cut short. */
export const ELLIPSIS = '…';

/**
 * Fits a quote into `maxLines` lines of `width` characters, wrapping at spaces
 * the way the terminal will, and ends it in "…" when it had to be cut.
 * Whitespace, line breaks included, collapses to single spaces: the preview is
 * a hint of the passage, and `/open n` shows it as written. Widths count code
 * points, so very wide scripts may take a line more.
 *
 * @example
 * truncateQuote('one two\nthree four', { width: 9, maxLines: 1 }) // → 'one two…'
 */
export function truncateQuote(
  text: string,
  { width, maxLines }: { width: number; maxLines: number },
): string {
  const characters = Array.from(text.replace(/\s+/g, ' ').trim());
  const lineWidth = Math.max(2, width);
  const lineStarts = wrapWords(characters, lineWidth);
  const lines = Math.max(1, maxLines);
  if (lineStarts.length <= lines) return characters.join('');
  const lastStart = lineStarts[lines - 1] ?? 0;
  // The last line keeps one cell for the ellipsis, cut at a space when it has one.
  let end = Math.min(lineStarts[lines] ?? characters.length, lastStart + lineWidth - 1);
  const space = characters.lastIndexOf(' ', end);
  if (space > lastStart) end = space;
  return characters.slice(0, end).join('').trimEnd() + ELLIPSIS;
}

/**
 * Greedy word wrap of single-spaced text; returns the index where each line
 * starts. A word longer than a line is split.
 */
function wrapWords(characters: readonly string[], width: number): number[] {
  const starts = [0];
  let lineStart = 0;
  while (characters.length - lineStart > width) {
    // Break at the last space that leaves the line within the width.
    const space = characters.lastIndexOf(' ', lineStart + width);
    lineStart = space > lineStart ? space + 1 : lineStart + width;
    starts.push(lineStart);
  }
  return starts;
}
