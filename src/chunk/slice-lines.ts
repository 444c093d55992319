import { createLineMap } from './line-map.js';

/** One line of a document, numbered from 1. */
export interface NumberedLine {
  number: number;
  text: string;
  /** The line lies within the requested range (not part of the context around it). */
  inRange: boolean;
}

/**
 * The lines `startLine..endLine` (1-based, inclusive) of `text` with up to
 * `contextLines` lines either side, numbered as an editor numbers them (CRLF
 * is one break). A range past the end is clamped; a range wholly past the end
 * gives no lines.
 *
 * @example
 * sliceLines('a\nb\nc\nd', { startLine: 2, endLine: 2, contextLines: 1 })
 * // → [{ number: 1, text: 'a', inRange: false }, { number: 2, text: 'b', inRange: true },
 * //    { number: 3, text: 'c', inRange: false }]
 */
export function sliceLines(
  text: string,
  range: { startLine: number; endLine: number; contextLines: number },
): NumberedLine[] {
  const map = createLineMap(text);
  // A final line break ends the last line; it does not start an empty one (no chunk can lie there).
  const lineCount = /[\r\n]$/u.test(text) ? Math.max(1, map.lineCount - 1) : map.lineCount;
  const first = Math.max(1, range.startLine - range.contextLines);
  const last = Math.min(lineCount, range.endLine + range.contextLines);
  const lines: NumberedLine[] = [];
  for (let number = first; number <= last; number++) {
    lines.push({
      number,
      text: text.slice(map.lineStart(number), map.lineEnd(number)),
      inRange: number >= range.startLine && number <= range.endLine,
    });
  }
  return lines;
}
