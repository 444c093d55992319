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
 * paragraph apart. Paragraph skips measured on real PDFs are 0.25–0.5 em, while
 * the baselines of one paragraph vary by under 0.05 em.
 */
const PARAGRAPH_GAP_EM = 0.15;
/** Lines whose left edges are this close (in font sizes) are aligned. */
const ALIGN_EM = 0.5;
/** Sizes further apart than this ratio are a heading and its text. */
const HEADING_SIZE_RATIO = 1.15;
/** A line break that came from the baseline moving by less than this is no break. */
const SAME_LINE_EM = 0.5;
/**
 * A numbered or lettered list item or a numbered heading: `1.`, `2)`, `(a)`,
 * `iv.`, `2.1` (as a table of contents lists them, each reaching the margin).
 */
const NUMBERED_ITEM = /^(?:\d{1,3}(?:\.\d{1,3})*[.)]?|\(?(?:[a-z]|[ivx]{1,4})[.)])\s/i;
/** A word broken across lines: a lowercase letter, then a hyphen (or U+2010) ending the line. */
const BROKEN_WORD_END = /\p{Ll}[-\u2010]$/u;
const STARTS_LOWERCASE = /^\p{Ll}/u;
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
  for (let index = 1; index < lines.length; index++) {
    const previous = lines[index - 1] ?? first;
    const line = lines[index] ?? first;
    const lineBreak = classifyBreak(previous, line, { lines, blockStart, options });
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

/** Single spacing in most typesetting (TeX, Word, browsers): 1.2 × the font size. */
const DEFAULT_LINE_SPACING = 1.2;

interface PageContext {
  lines: readonly PdfLine[];
  /** The first line of the paragraph being read. */
  blockStart: PdfLine;
  options: PdfLayoutOptions;
}

function classifyBreak(previous: PdfLine, line: PdfLine, context: PageContext): LineBreak {
  const size = Math.max(previous.fontSize, line.fontSize);
  const drop = previous.y - line.y;
  if (drop < -SAME_LINE_EM * size) return 'paragraph';
  const sizeRatio = Math.max(previous.fontSize, line.fontSize) / Math.max(Math.min(previous.fontSize, line.fontSize), 1);
  if (sizeRatio > HEADING_SIZE_RATIO) return 'paragraph';
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
 * (justified or ragged text). Otherwise the page gives no evidence of a margin,
 * so it is taken as wide as the left one (most pages are set symmetrically):
 * a page of short lines is then not mistaken for one paragraph.
 */
function isFull(previous: PdfLine, line: PdfLine, context: PageContext): boolean {
  const column = context.lines.filter((other) => other.x < previous.xEnd && other.xEnd > previous.x);
  const columnEdge = Math.max(previous.xEnd, ...column.map((other) => other.xEnd));
  const reachingEdge = column.filter((other) => other.xEnd >= columnEdge - other.fontSize).length;
  const rightEdge = reachingEdge >= 2 ? columnEdge : Math.max(columnEdge, mirroredMargin(context));
  const firstWord = line.text.split(' ', 1)[0] ?? '';
  const glyphWidth = (line.xEnd - line.x) / Math.max(line.text.length, 1);
  return previous.xEnd + glyphWidth * (firstWord.length + 1) > rightEdge;
}

/** The right margin if it is as wide as the page's left one; `-Infinity` without a page box. */
function mirroredMargin(context: PageContext): number {
  const box = context.options.pageBox;
  if (box === undefined) return -Infinity;
  const left = Math.min(...context.lines.map((line) => line.x));
  return box.right - (left - box.left);
}

function joinLines(text: string, next: string, lineBreak: LineBreak): string {
  if (lineBreak === 'paragraph') return `${text}\n\n${next}`;
  if (text.endsWith(SOFT_HYPHEN)) return text.slice(0, -1) + next;
  if (lineBreak === 'wrap' && BROKEN_WORD_END.test(text) && STARTS_LOWERCASE.test(next)) {
    return text.slice(0, -1) + next;
  }
  if (lineBreak === 'wrap' && BROKEN_IDENTIFIER_END.test(text) && STARTS_WORD.test(next)) return text + next;
  return lineBreak === 'wrap' ? `${text} ${next}` : `${text}\n${next}`;
}
