import type { PdfLine } from './group-pdf-lines.js';

/** How the layout reads a page. */
export interface PdfLayoutOptions {
  /**
   * The usual baseline-to-baseline distance inside a paragraph, in font sizes
   * (often 1.2), measured once per document with `measureLineSpacing`.
   */
  lineSpacing: number;
  /** The page's left and right edges in points (its crop box), when known. */
  pageBox?: { left: number; right: number };
}

/** What separates two consecutive lines in the page text. */
type LineBreak = 'wrap' | 'line' | 'paragraph';

/**
 * Extra space between baselines, beyond the usual line spacing, that sets a
 * paragraph apart. Paragraph skips on real PDFs measured 0.28 em (a texinfo
 * manual) to 2 em (a DocBook spec), while the baselines of one paragraph
 * varied by 0.01 em.
 */
const PARAGRAPH_GAP_EM = 0.15;
/** Lines whose left edges are this close (in font sizes) are aligned. */
const ALIGN_EM = 0.5;
/** Sizes further apart than this ratio are a heading and its text. */
const HEADING_SIZE_RATIO = 1.15;
/** Text that moves up the page by more than this (in font sizes) starts the next column. */
const COLUMN_JUMP_EM = 0.5;
/**
 * The narrowest column of running text, in font sizes: about 30 characters.
 * Narrower stacks of lines (lists, code, addresses) set no margin.
 */
const MIN_COLUMN_EM = 15;
/** Single spacing in most typesetting (TeX, Word, browsers): 1.2 × the font size. */
const DEFAULT_LINE_SPACING = 1.2;
/**
 * A numbered or lettered list item or a numbered heading: `1.`, `2)`, `(a)`,
 * `iv.`, `2.1` (as a table of contents lists them, each reaching the margin).
 */
const NUMBERED_ITEM = /^(?:\d{1,3}(?:\.\d{1,3})*[.)]?|\(?(?:[a-z]|[ivx]{1,4})[.)])\s/i;
/**
 * A word broken across lines: a lowercase letter, then a hyphen (or U+2010)
 * ending the line, joined only when the next line starts in lowercase. On the
 * libtasn1 manual this joined 22 of 23 breaks rightly ("man-/agement"); the
 * one compound it joined was a date pattern (`"YYMMDDhhmm-/hh'mm'"`), while
 * keeping every hyphen would have left 22 words split.
 */
const BROKEN_WORD_END = /\p{Ll}[-\u2010]$/u;
const STARTS_LOWERCASE = /^\p{Ll}/u;
/** Scripts written without spaces between words: their wrapped lines join without one. */
const UNSPACED_SCRIPT_END = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}、。，．！？：；」』）]$/u;
const STARTS_UNSPACED_SCRIPT = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}「『（]/u;
/**
 * An identifier broken after an underscore (`ASN1_MAX_` / `NAME_SIZE`): TeX
 * breaks code there without a hyphen, and a space would split the name a
 * reader searches for.
 */
const BROKEN_IDENTIFIER_END = /[\p{L}\p{N}]_$/u;
const STARTS_WORD = /^[\p{L}\p{N}]/u;
const SOFT_HYPHEN = '\u00AD';

/**
 * The text of one page laid out as it reads: the lines of a paragraph joined
 * with a space, a word hyphenated across a line break joined again, a blank
 * line between paragraphs, and a line break kept where a line ends early
 * (list items, code, addresses). A paragraph starts where the gap between
 * baselines is clearly wider than `lineSpacing`, where the font size changes
 * (a heading) or where the text moves up the page (the next column).
 * A line is wrapped, not ended, when the first word of the next line would
 * not have fitted in the space left on it.
 *
 * @example
 * layoutPdfPage(groupPdfLines(items), { lineSpacing: 1.2 });
 * // 'A paragraph that wraps over two lines.\n\nThe next paragraph.'
 */
export function layoutPdfPage(lines: readonly PdfLine[], options: PdfLayoutOptions): string {
  const first = lines[0];
  if (first === undefined) return '';
  let text = first.text;
  let blockStart = first;
  const mirroredMargin = findMirroredMargin(lines, options.pageBox);
  for (let index = 1; index < lines.length; index++) {
    const previous = lines[index - 1] ?? first;
    const line = lines[index] ?? first;
    const lineBreak = classifyBreak(previous, line, { lines, blockStart, options, mirroredMargin });
    if (lineBreak === 'paragraph') blockStart = line;
    text = joinLines(text, line.text, lineBreak);
  }
  return text.replaceAll(SOFT_HYPHEN, '');
}

/**
 * The usual distance between the baselines of one paragraph, in font sizes:
 * the most common ratio of baseline gap to font size between consecutive
 * lines of the same size, over the whole document (a page of bullet points
 * alone would mistake the gap between items for it).
 */
export function measureLineSpacing(pages: readonly (readonly PdfLine[])[]): number {
  const counts = new Map<number, number>();
  for (const lines of pages) {
    for (let index = 1; index < lines.length; index++) {
      const previous = lines[index - 1];
      const line = lines[index];
      if (previous === undefined || line === undefined || previous.fontSize !== line.fontSize) continue;
      const ratio = Math.round(((previous.y - line.y) / line.fontSize) * 20) / 20;
      if (ratio < 0.8 || ratio > 3) continue;
      counts.set(ratio, (counts.get(ratio) ?? 0) + 1);
    }
  }
  let spacing = DEFAULT_LINE_SPACING;
  let most = 0;
  for (const [ratio, count] of counts) {
    if (count > most || (count === most && ratio < spacing)) [spacing, most] = [ratio, count];
  }
  return spacing;
}

interface PageContext {
  lines: readonly PdfLine[];
  /** The first line of the paragraph being read. */
  blockStart: PdfLine;
  options: PdfLayoutOptions;
  /** See `findMirroredMargin`. */
  mirroredMargin: number;
}

function classifyBreak(previous: PdfLine, line: PdfLine, context: PageContext): LineBreak {
  const size = Math.max(previous.fontSize, line.fontSize);
  const drop = previous.y - line.y;
  if (drop < -COLUMN_JUMP_EM * size) return 'paragraph';
  if (size / Math.max(Math.min(previous.fontSize, line.fontSize), 1) > HEADING_SIZE_RATIO) return 'paragraph';
  if (drop > size * (context.options.lineSpacing + PARAGRAPH_GAP_EM)) return 'paragraph';
  if (isListItem(line)) return 'line';
  // A list item's later lines hang under its text, not under its marker; a
  // paragraph's later lines may start left of its indented first line.
  const expectedX = previous.textX;
  const isIndentedFirstLine = previous === context.blockStart && line.x < previous.x;
  if (line.x > expectedX + ALIGN_EM * size) {
    return isFull(previous, line, context) ? 'paragraph' : 'line';
  }
  if (line.x < expectedX - ALIGN_EM * size && !isIndentedFirstLine) return 'line';
  return isFull(previous, line, context) ? 'wrap' : 'line';
}

function isListItem(line: PdfLine): boolean {
  return line.textX > line.x || NUMBERED_ITEM.test(line.text);
}

/**
 * True when the first word of `line` would not have fitted at the end of
 * `previous`, so the typesetter had to wrap there. A word's width is estimated
 * from `line`'s average glyph width. The right margin is as far as the lines
 * of `previous`'s column reach, when at least two of them reach about as far
 * and the column is as wide as a column of text. Otherwise the page gives no
 * evidence of a margin, so it is taken as wide as the left one (most pages are
 * set symmetrically): a few short lines are then not mistaken for a paragraph.
 */
function isFull(previous: PdfLine, line: PdfLine, context: PageContext): boolean {
  let columnEdge = previous.xEnd;
  for (const other of context.lines) {
    if (other.x < previous.xEnd && other.xEnd > previous.x) columnEdge = Math.max(columnEdge, other.xEnd);
  }
  let reachingEdge = 0;
  let columnStart = previous.x;
  for (const other of context.lines) {
    if (other.x >= previous.xEnd || other.xEnd < columnEdge - other.fontSize) continue;
    reachingEdge += 1;
    columnStart = Math.min(columnStart, other.x);
  }
  const isColumn = reachingEdge >= 2 && columnEdge - columnStart >= MIN_COLUMN_EM * previous.fontSize;
  const rightEdge = isColumn ? columnEdge : Math.max(columnEdge, context.mirroredMargin);
  // Chinese and Japanese may wrap after any character, so their first "word" is one character.
  const firstWord = STARTS_UNSPACED_SCRIPT.test(line.text) ? 'x' : (line.text.split(' ', 1)[0] ?? '');
  const glyphWidth = (line.xEnd - line.x) / Math.max(line.text.length, 1);
  return previous.xEnd + glyphWidth * (firstWord.length + 1) > rightEdge;
}

/** The right margin if it is as wide as the page's left one; `-Infinity` without a page box. */
function findMirroredMargin(lines: readonly PdfLine[], box: PdfLayoutOptions['pageBox']): number {
  if (box === undefined) return -Infinity;
  let left = Infinity;
  for (const line of lines) left = Math.min(left, line.x);
  return box.right - (left - box.left);
}

function joinLines(text: string, next: string, lineBreak: LineBreak): string {
  if (lineBreak === 'paragraph') return `${text}\n\n${next}`;
  if (text.endsWith(SOFT_HYPHEN)) return text.slice(0, -1) + next;
  if (lineBreak === 'wrap' && BROKEN_WORD_END.test(text) && STARTS_LOWERCASE.test(next)) {
    return text.slice(0, -1) + next;
  }
  if (lineBreak === 'wrap' && BROKEN_IDENTIFIER_END.test(text) && STARTS_WORD.test(next)) return text + next;
  if (lineBreak === 'wrap' && UNSPACED_SCRIPT_END.test(text) && STARTS_UNSPACED_SCRIPT.test(next)) return text + next;
  return lineBreak === 'wrap' ? `${text} ${next}` : `${text}\n${next}`;
}
