import { describe, expect, it } from 'vitest';
import { groupPdfLines, type PdfTextItem } from '../../../src/load/loaders/group-pdf-lines.js';

/** An item of 12-point text whose glyphs are 6 points wide each. */
function item(text: string, x: number, y: number, fontSize = 12): PdfTextItem {
  return { text, x, y, width: text.trim() === '' ? 3 : text.length * fontSize * 0.5, fontSize };
}

describe('groupPdfLines', () => {
  it('makes one line of the items on a baseline and a new one when the baseline moves', () => {
    const lines = groupPdfLines([item('Hello ', 72, 700), item('world', 108, 700), item('Next', 72, 686)]);
    expect(lines.map((line) => [line.text, line.x, line.xEnd, line.y, line.fontSize])).toEqual([
      ['Hello world', 72, 138, 700, 12],
      ['Next', 72, 96, 686, 12],
    ]);
  });

  it('inserts the space pdf.js left out between two words a space apart', () => {
    // 'Hello' ends at x 102; 'world' starts 4 points (a third of an em) later.
    expect(groupPdfLines([item('Hello', 72, 700), item('world', 106, 700)])[0]?.text).toBe('Hello world');
  });

  it('adds no space inside a word drawn in pieces (kerning)', () => {
    expect(groupPdfLines([item('Wa', 72, 700), item('ter', 85, 700)])[0]?.text).toBe('Water');
  });

  it('keeps a superscript on its line', () => {
    expect(groupPdfLines([item('E = mc', 72, 700), item('2', 108, 704, 8)]).map((line) => line.text)).toEqual([
      'E = mc2',
    ]);
  });

  it('starts a new line when an item starts left of where the line has reached (a column drawn later)', () => {
    const lines = groupPdfLines([item('[Function]', 474, 585), item('int parse (const char *file)', 90, 585)]);
    expect(lines.map((line) => line.text)).toEqual(['[Function]', 'int parse (const char *file)']);
  });

  it('keeps right-to-left runs drawn from the right on one line', () => {
    const lines = groupPdfLines([
      { ...item('שלום', 300, 700), rightToLeft: true },
      { ...item('עולם', 260, 700), rightToLeft: true },
    ]);
    expect(lines).toHaveLength(1);
  });

  it('collapses whitespace runs and drops the space item that starts a line', () => {
    const lines = groupPdfLines([item('Chapter 2', 72, 700), item('   ', 126, 700), item('7', 500, 700), item(' ', 72, 686)]);
    expect(lines.map((line) => line.text)).toEqual(['Chapter 2 7']);
  });

  it('records where the text after a list marker starts, for the lines that hang under it', () => {
    const [bullet, numbered, plain] = groupPdfLines([
      item('•', 99, 700),
      item(' ', 104, 700),
      item('First point', 112, 700),
      item('A.', 99, 680),
      item('Use a title', 119, 680),
      item('Plain text', 99, 660),
    ]);
    expect([bullet?.text, bullet?.x, bullet?.textX]).toEqual(['• First point', 99, 112]);
    expect([numbered?.text, numbered?.textX]).toEqual(['A. Use a title', 119]);
    expect([plain?.x, plain?.textX]).toEqual([99, 99]);
  });

  it('sizes a line by most of its characters, not by a small bullet', () => {
    expect(groupPdfLines([item('•', 72, 700, 8), item('A long line of text', 80, 700, 10)])[0]?.fontSize).toBe(10);
  });

  it('folds ligatures as it reads the items', () => {
    expect(groupPdfLines([item('ﬁnd', 72, 700)])[0]?.text).toBe('find');
  });
});
