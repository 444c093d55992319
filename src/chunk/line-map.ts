/**
 * Maps UTF-16 offsets in a text to 1-based line numbers and back. A line ends
 * at `\n`, `\r\n` (one break, not two) or a lone `\r`, so CRLF and old Mac
 * files number their lines as an editor does.
 */
export interface LineMap {
  /**
   * The 1-based line that contains `offset`. A line break belongs to the line
   * it ends. Offsets before the text clamp to line 1, offsets at or past the
   * end to the last line.
   */
  lineAt(offset: number): number;
  /**
   * How many lines the text has. An empty text has one (empty) line, and a
   * trailing line break opens one more empty line, as editors show it.
   */
  lineCount: number;
  /** Offset of the first character of `line` (1-based). */
  lineStart(line: number): number;
  /** Offset of the line break that ends `line` (1-based), or the text length for the last line. */
  lineEnd(line: number): number;
}

const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * Indexes the line starts of `text` once (linear), then answers each
 * `lineAt` with a binary search.
 *
 * @example
 * const lines = createLineMap('a\r\nb\nc');
 * lines.lineAt(3); // 2 (the "b")
 * lines.lineEnd(1); // 1 (the "\r" of "\r\n")
 */
export function createLineMap(text: string): LineMap {
  const starts = findLineStarts(text);
  const lineCount = starts.length;

  const checkLine = (line: number): void => {
    if (!Number.isInteger(line) || line < 1 || line > lineCount) {
      throw new RangeError(`line ${line} is outside 1..${lineCount}`);
    }
  };

  return {
    lineCount,
    lineAt(offset: number): number {
      // Binary search for the last line start <= offset.
      let low = 0;
      let high = lineCount - 1;
      while (low < high) {
        const middle = (low + high + 1) >>> 1;
        if ((starts[middle] ?? 0) <= offset) low = middle;
        else high = middle - 1;
      }
      return low + 1;
    },
    lineStart(line: number): number {
      checkLine(line);
      return starts[line - 1] ?? 0;
    },
    lineEnd(line: number): number {
      checkLine(line);
      if (line === lineCount) return text.length;
      const nextStart = starts[line] ?? text.length;
      const isCrLf =
        text.charCodeAt(nextStart - 1) === LINE_FEED &&
        text.charCodeAt(nextStart - 2) === CARRIAGE_RETURN;
      return nextStart - (isCrLf ? 2 : 1);
    },
  };
}

function findLineStarts(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === CARRIAGE_RETURN) {
      if (text.charCodeAt(index + 1) === LINE_FEED) index++;
      starts.push(index + 1);
    } else if (code === LINE_FEED) {
      starts.push(index + 1);
    }
  }
  return starts;
}
