import { getSegmenter } from './split-sentences.js';
import { trimRange, type OffsetRange } from './text-span.js';

/**
 * Splits a range of `text` that is longer than `maxLength` into trimmed pieces
 * of at most `maxLength` characters, trying coarse cuts before fine ones:
 * lines, then words, then (for a single over-long word) hard character cuts
 * that never separate a surrogate pair. Pieces come back in order and cover
 * every non-whitespace character of the range.
 */
export function splitLongSpan(
  text: string,
  range: OffsetRange,
  maxLength: number,
  locale?: string,
): OffsetRange[] {
  const pieces: OffsetRange[] = [];
  for (const line of splitLines(text, range)) {
    if (line.end - line.start <= maxLength) {
      pieces.push(line);
      continue;
    }
    for (const word of splitWordGroups(text, line, locale)) {
      if (word.end - word.start <= maxLength) pieces.push(word);
      else cutHard(text, word, maxLength, pieces);
    }
  }
  return pieces;
}

const LINE_BREAK = /\r\n|\r|\n/g;

function splitLines(text: string, range: OffsetRange): OffsetRange[] {
  const lines: OffsetRange[] = [];
  const pushTrimmed = (start: number, end: number): void => {
    const line = trimRange(text, start, end);
    if (line) lines.push(line);
  };
  const slice = text.slice(range.start, range.end);
  const lineBreak = new RegExp(LINE_BREAK.source, 'g');
  let lineStart = 0;
  for (let match = lineBreak.exec(slice); match; match = lineBreak.exec(slice)) {
    pushTrimmed(range.start + lineStart, range.start + match.index);
    lineStart = match.index + match[0].length;
  }
  pushTrimmed(range.start + lineStart, range.end);
  return lines;
}

/**
 * Word segments with the punctuation that touches them: "(bar)," and
 * "well-known" stay whole, while two touching words (Chinese '我们今天') stay
 * apart so that text without spaces can still be cut between words.
 */
function splitWordGroups(text: string, range: OffsetRange, locale?: string): OffsetRange[] {
  const groups: OffsetRange[] = [];
  let group: OffsetRange | null = null;
  let previousWordLike = false;
  const slice = text.slice(range.start, range.end);
  for (const { segment, index, isWordLike } of getSegmenter('word', locale).segment(slice)) {
    const start = range.start + index;
    const end = start + segment.length;
    if (!trimRange(text, start, end)) {
      group = null;
      continue;
    }
    const joinsGroup = group !== null && group.end === start && !(isWordLike && previousWordLike);
    if (group && joinsGroup) {
      group.end = end;
    } else {
      group = { start, end };
      groups.push(group);
    }
    previousWordLike = isWordLike === true;
  }
  return groups;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function cutHard(text: string, range: OffsetRange, maxLength: number, pieces: OffsetRange[]): void {
  let start = range.start;
  while (start < range.end) {
    let end = Math.min(range.end, start + maxLength);
    if (
      end < range.end &&
      end - 1 > start &&
      isHighSurrogate(text.charCodeAt(end - 1)) &&
      isLowSurrogate(text.charCodeAt(end))
    ) {
      end--;
    }
    const piece = trimRange(text, start, end);
    if (piece) pieces.push(piece);
    start = end;
  }
}
