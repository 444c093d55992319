import stringWidth from 'string-width';
import { terminalSafeText } from '../../shared/terminal-safe.js';
import { fitColumns, wrapWords } from './wrap-words.js';

/** The character that marks a quote cut short. */
export const ELLIPSIS = '…';

/**
 * Fits a quote into `maxLines` lines of `width` terminal columns, wrapping at
 * spaces the way the terminal will, and ends it in "…" when it had to be cut.
 * Whitespace, line breaks included, collapses to single spaces: the preview is
 * a hint of the passage, and `/open n` shows it as written. Widths are terminal
 * columns (`string-width`): a Chinese or Japanese character takes two.
 *
 * @example
 * truncateQuote('one two\nthree four', { width: 9, maxLines: 1 }) // → 'one two…'
 * truncateQuote('公司成立于一九九八年', { width: 9, maxLines: 1 }) // → '公司成立…'
 */
export function truncateQuote(
  text: string,
  { width, maxLines }: { width: number; maxLines: number },
): string {
  const characters = Array.from(terminalSafeText(text.replace(/\s+/g, ' ').trim()));
  const widths = characters.map((character) => stringWidth(character));
  const lineWidth = Math.max(2, width);
  const lineStarts = wrapWords(characters, widths, lineWidth);
  const lines = Math.max(1, maxLines);
  if (lineStarts.length <= lines) return characters.join('');
  const lastStart = lineStarts[lines - 1] ?? 0;
  // The last line keeps one cell for the ellipsis, cut at a space when it has one.
  let end = Math.min(lineStarts[lines] ?? characters.length, fitColumns(widths, lastStart, lineWidth - 1));
  const space = characters.lastIndexOf(' ', end);
  if (space > lastStart) end = space;
  return characters.slice(0, end).join('').trimEnd() + ELLIPSIS;
}
