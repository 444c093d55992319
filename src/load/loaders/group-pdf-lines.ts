import { foldPdfCharacters } from './fold-pdf-characters.js';

/**
 * One run of text as pdf.js reports it (`getTextContent()` item), in PDF
 * points with y growing upwards: `x`, `y` are the start of its baseline.
 */
export interface PdfTextItem {
  text: string;
  x: number;
  y: number;
  width: number;
  /** Glyph height in points (the vertical scale of the item's transform). */
  fontSize: number;
  /** Right-to-left text (Arabic, Hebrew), whose runs may be drawn from the right. */
  rightToLeft?: boolean;
}

/** One visual line of a page: the items that share a baseline, in order. */
export interface PdfLine {
  text: string;
  /** Left edge of the first glyph. */
  x: number;
  /** Where the text after a leading list marker starts (`x` when there is none). */
  textX: number;
  /** Right edge of the last glyph. */
  xEnd: number;
  /** Baseline. */
  y: number;
  /** The size of most of the line's characters. */
  fontSize: number;
}

/**
 * A gap wider than this share of the font size between two items is a space
 * pdf.js left out. A space in body text is about 0.25–0.33 em; kerning and
 * italic corrections stay well under 0.15 em.
 */
const MISSING_SPACE_EM = 0.25;
/** Baselines closer than this share of the font size are one line (sub- and superscripts stay on it). */
const SAME_LINE_EM = 0.5;
/** A lone glyph that starts a list item. */
const LIST_MARKERS = new Set(['•', '◦', '▪', '▫', '‣', '⁃', '●', '○', '■', '□', '–', '—', '-', '*', '·']);
/** An item that is only a list number or letter: `1.`, `A.`, `(b)`, `iv)`. */
const LIST_NUMBER = /^\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)]$/i;

/**
 * Groups pdf.js text items into the visual lines of a page, in pdf.js order.
 * A new line starts when the baseline moves, or when an item starts left of
 * where the line has reached (the next column, or a label at the right margin
 * drawn before the text at the left), unless it is right-to-left text.
 * Items on one line are joined with a space where pdf.js reports one or where
 * the gap between them is as wide as a space; whitespace runs become one space.
 *
 * @example
 * groupPdfLines([
 *   { text: 'Hello', x: 72, y: 700, width: 30, fontSize: 12 },
 *   { text: 'world', x: 106, y: 700, width: 30, fontSize: 12 },
 * ]).map((line) => line.text); // ['Hello world']
 */
export function groupPdfLines(items: readonly PdfTextItem[]): PdfLine[] {
  const lines: LineBuilder[] = [];
  for (const item of items) {
    const text = foldPdfCharacters(item.text);
    if (text === '') continue;
    const isBlank = text.trim() === '';
    const current = lines.at(-1);
    if (current === undefined || startsNewLine(current, item)) {
      // A line never starts with the space pdf.js puts between two lines.
      if (!isBlank) lines.push(createLine(item, text));
      continue;
    }
    appendItem(current, item, text, isBlank);
  }
  return lines.map(finishLine).filter((line) => line.text !== '');
}

interface LineBuilder {
  parts: string[];
  x: number;
  textX: number | null;
  xEnd: number;
  y: number;
  /** Characters set at each font size: the line's size is the one with most. */
  sizes: Map<number, number>;
}

function createLine(item: PdfTextItem, text: string): LineBuilder {
  const isMarker = LIST_MARKERS.has(text.trim()) || LIST_NUMBER.test(text.trim());
  return {
    parts: [text],
    x: item.x,
    textX: isMarker ? null : item.x,
    xEnd: item.x + item.width,
    y: item.y,
    sizes: new Map([[roundSize(item.fontSize), text.length]]),
  };
}

function startsNewLine(line: LineBuilder, item: PdfTextItem): boolean {
  const size = Math.max(item.fontSize, 1);
  if (Math.abs(item.y - line.y) > SAME_LINE_EM * size) return true;
  return item.rightToLeft !== true && item.x < line.xEnd - size;
}

function appendItem(line: LineBuilder, item: PdfTextItem, text: string, isBlank: boolean): void {
  const previous = line.parts.at(-1) ?? '';
  const gap = item.x - line.xEnd;
  const touchesSpace = /\s$/.test(previous) || /^\s/.test(text);
  if (!touchesSpace && gap > MISSING_SPACE_EM * item.fontSize) line.parts.push(' ');
  line.parts.push(text);
  // pdf.js reports the space between words as an item of zero height, so only
  // glyphs move the line's right edge and vote for its size.
  if (isBlank) return;
  if (line.textX === null) line.textX = item.x;
  line.xEnd = Math.max(line.xEnd, item.x + item.width);
  const size = roundSize(item.fontSize);
  line.sizes.set(size, (line.sizes.get(size) ?? 0) + text.length);
}

function finishLine(line: LineBuilder): PdfLine {
  let fontSize = 0;
  let most = -1;
  for (const [size, count] of line.sizes) {
    if (count > most) [fontSize, most] = [size, count];
  }
  return {
    text: line.parts.join('').replace(/\s+/g, ' ').trim(),
    x: line.x,
    textX: line.textX ?? line.x,
    xEnd: line.xEnd,
    y: line.y,
    fontSize,
  };
}

function roundSize(size: number): number {
  return Math.round(size * 10) / 10;
}
