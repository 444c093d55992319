import { breakLines, offsetInBroken, visualLineStarts } from './wrap-words.js';

/** The part of the input line drawn on screen, and how many rows of it are not. */
export interface InputWindow {
  /** The rows shown, broken at spaces to the width, the cursor's cell included. */
  text: string;
  /** The cursor's offset in `text`. */
  cursor: number;
  /** Rows above and below the window. */
  rowsAbove: number;
  rowsBelow: number;
}

/**
 * The rows of an input line that fit `maxRows` (one of them for the note of
 * what is hidden), kept around the cursor; the whole line when it fits.
 * `text` ends with the cursor's cell (a space) when the cursor is at the end.
 *
 * @example
 * fitInputRows('a\nb\nc\nd', 7, 10, 3) // → { text: 'c\nd ', cursor: 3, rowsAbove: 2, rowsBelow: 0 }
 */
export function fitInputRows(value: string, cursor: number, width: number, maxRows: number): InputWindow {
  const lines = breakLines(cursor === value.length ? `${value} ` : value, width);
  const drawn = lines.text;
  const at = offsetInBroken(lines, cursor);
  const starts = visualLineStarts(drawn, width);
  if (starts.length <= maxRows) return { text: drawn, cursor: at, rowsAbove: 0, rowsBelow: 0 };
  const shownRows = Math.max(1, maxRows - 1);
  let cursorRow = 0;
  while (cursorRow + 1 < starts.length && (starts[cursorRow + 1] ?? 0) <= at) cursorRow++;
  const first = Math.min(Math.max(0, cursorRow - shownRows + 1), starts.length - shownRows);
  const end = first + shownRows;
  const from = starts[first] ?? 0;
  const to = end < starts.length ? (starts[end] ?? drawn.length) : drawn.length;
  return {
    text: drawn.slice(from, to).replace(/\n$/, ''),
    cursor: at - from,
    rowsAbove: first,
    rowsBelow: starts.length - end,
  };
}
