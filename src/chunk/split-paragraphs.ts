import { createSpan, trimRange, type TextSpan } from './text-span.js';

/**
 * A blank line: a line break, then one or more lines holding only spaces or
 * tabs, each ending in a break. `\r\n`, `\r` and `\n` all count as breaks.
 */
const BLANK_LINE = /(?:\r\n|\r|\n)(?:[^\S\r\n]*(?:\r\n|\r|\n))+/g;

/**
 * Splits `text` into paragraphs at blank lines. Each span is trimmed of
 * surrounding whitespace and empty ones are dropped, so a whitespace-only text
 * has no paragraphs.
 *
 * @example
 * splitParagraphs('One.\n\n  Two\nlines.\n').map((p) => p.text); // ['One.', 'Two\nlines.']
 */
export function splitParagraphs(text: string): TextSpan[] {
  const paragraphs: TextSpan[] = [];
  const pushTrimmed = (start: number, end: number): void => {
    const range = trimRange(text, start, end);
    if (range) paragraphs.push(createSpan(text, range));
  };

  const blankLine = new RegExp(BLANK_LINE.source, 'g');
  let paragraphStart = 0;
  for (let match = blankLine.exec(text); match; match = blankLine.exec(text)) {
    pushTrimmed(paragraphStart, match.index);
    paragraphStart = match.index + match[0].length;
  }
  pushTrimmed(paragraphStart, text.length);
  return paragraphs;
}
