import { describe, expect, it } from 'vitest';
import { splitParagraphs } from '../../src/chunk/split-paragraphs.js';

describe('splitParagraphs', () => {
  it('splits at blank lines and keeps single line breaks inside a paragraph', () => {
    expect(splitParagraphs('One.\nStill one.\n\nTwo.').map((p) => p.text)).toEqual(['One.\nStill one.', 'Two.']);
  });

  it('treats lines of spaces and CRLF or CR breaks as blank lines', () => {
    const text = '  A\r\n \t \r\nB\r\rC\n\n\n\nD  ';
    expect(splitParagraphs(text).map((p) => [p.text, p.start, p.end])).toEqual([
      ['A', 2, 3],
      ['B', 10, 11],
      ['C', 13, 14],
      ['D', 18, 19],
    ]);
  });

  it('finds no paragraphs in a whitespace-only text', () => {
    expect(splitParagraphs(' \n\n\t\r\n ')).toEqual([]);
  });
});
