import { splitsSurrogatePair } from '../text/code-point-boundary.js';
import { segmentText } from '../text/segment-text.js';
import { trimRange, type OffsetRange } from './text-span.js';

/**
 * Splits a range of `text` that is longer than `maxLength` into trimmed pieces
 * of at most `maxLength` characters, trying coarse cuts before fine ones:
 * lines, then space-separated tokens, then, inside a token longer than
 * `maxLength`, word starts (for scripts written without spaces, or URLs) and
 * finally hard character cuts that never separate a surrogate pair. Pieces
 * come back in order and cover every non-whitespace character of the range.
 */
export function splitLongSpan(
  text: string,
  range: OffsetRange,
  maxLength: number,
  locale?: string,
): OffsetRange[] {
  const pieces: OffsetRange[] = [];
  const fits = (piece: OffsetRange): boolean => piece.end - piece.start <= maxLength;
  for (const line of matchRanges(text, range, /[^\r\n]+/g)) {
    if (fits(line)) {
      pieces.push(line);
      continue;
    }
    // Tokens by spaces first: a regex is far cheaper than Intl.Segmenter, and
    // a token keeps its punctuation ("(case),").
    for (const token of matchRanges(text, line, /\S+/g)) {
      if (fits(token)) {
        pieces.push(token);
        continue;
      }
      cutToken(text, token, maxLength, pieces, locale);
    }
  }
  return pieces;
}

/** The trimmed, non-empty matches of a global `pattern` inside `range`. */
function matchRanges(
  text: string,
  range: OffsetRange,
  pattern: RegExp,
): OffsetRange[] {
  const ranges: OffsetRange[] = [];
  for (const match of text.slice(range.start, range.end).matchAll(pattern)) {
    const start = range.start + match.index;
    const trimmed = trimRange(text, start, start + match[0].length);
    if (trimmed) ranges.push(trimmed);
  }
  return ranges;
}

/** How far before a cut to look for a word start, and how much context after it ICU sees. */
const WORD_LOOKBEHIND = 64;
const WORD_LOOKAHEAD = 16;

/**
 * Cuts a token longer than `maxLength` (a run without spaces: Chinese, a URL,
 * a base64 blob) into pieces that fill up to `maxLength`, each ending where
 * the last word before the limit starts (punctuation stays with the word
 * before it), or at the limit itself when there is none. Only a small window
 * around each cut is segmented, so a long run costs little more than its
 * length.
 */
function cutToken(
  text: string,
  token: OffsetRange,
  maxLength: number,
  pieces: OffsetRange[],
  locale?: string,
): void {
  let start = token.start;
  while (token.end - start > maxLength) {
    const limit = start + maxLength;
    const end =
      findWordBoundary(text, start, limit, token.end, locale) ??
      findSafeCut(text, start, limit);
    pieces.push({ start, end });
    start = end;
  }
  pieces.push({ start, end: token.end });
}

/** The last offset in `start+1..limit` where a word-like segment starts, or `null`. */
function findWordBoundary(
  text: string,
  start: number,
  limit: number,
  tokenEnd: number,
  locale?: string,
): number | null {
  const windowStart = Math.max(start, limit - WORD_LOOKBEHIND);
  const window = text.slice(windowStart, Math.min(tokenEnd, limit + WORD_LOOKAHEAD));
  let boundary: number | null = null;
  for (const segment of segmentText(window, 'word', locale)) {
    const offset = windowStart + segment.start;
    if (offset > limit) break;
    // The window's own start is not a real boundary unless it is the token's.
    const isRealBoundary = offset > start && offset > windowStart;
    if (isRealBoundary && segment.isWordLike) boundary = offset;
  }
  return boundary;
}

/** `limit`, or one earlier where a cut there would split a surrogate pair. */
function findSafeCut(text: string, start: number, limit: number): number {
  return splitsSurrogatePair(text, limit) && limit - 1 > start ? limit - 1 : limit;
}
