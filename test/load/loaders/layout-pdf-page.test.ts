import { describe, expect, it } from 'vitest';
import type { PdfLine } from '../../../src/load/loaders/group-pdf-lines.js';
import { layoutPdfPage, measureLineSpacing } from '../../../src/load/loaders/layout-pdf-page.js';

/** A US Letter page, whose 90-point left margin mirrors a column ending at 522. */
const SPACING = { lineSpacing: 1.2, pageBox: { left: 0, right: 612 } };
/** Baseline step of single-spaced 10-point text. */
const STEP = 12;
/** Right edge of the text column: a full line of 10-point text (5 points a glyph) from x 90 ends near here. */
const COLUMN_END = 522;

/**
 * A line of 10-point text (glyphs 5 points wide) whose baseline is `row`
 * single-spaced steps below the top, or at `y` when given. `full` stretches it
 * to the column's right edge, as a justified line that wrapped.
 */
function line(
  text: string,
  row: number,
  options: { x?: number; textX?: number; fontSize?: number; full?: boolean; y?: number } = {},
): PdfLine {
  const fontSize = options.fontSize ?? 10;
  const x = options.x ?? 90;
  const xEnd = options.full === true ? COLUMN_END : x + text.length * fontSize * 0.5;
  return { text, x, textX: options.textX ?? x, xEnd, y: options.y ?? 700 - row * STEP, fontSize };
}

describe('layoutPdfPage', () => {
  it('joins the lines of a paragraph with a space where each line was full', () => {
    const lines = [
      line('The keeper climbed the tower every evening to light the', 0, { full: true }),
      line('lamp, whatever the weather.', 1),
    ];
    expect(layoutPdfPage(lines, SPACING)).toBe('The keeper climbed the tower every evening to light the lamp, whatever the weather.');
  });

  it('sets paragraphs apart with a blank line where the gap between baselines widens', () => {
    const lines = [
      line('The keeper climbed the tower every evening to light the', 0, { full: true }),
      line('lamp.', 1),
      line('Supplies came by boat.', 0, { y: 700 - 2 * STEP - 4 }),
    ];
    expect(layoutPdfPage(lines, SPACING)).toBe(
      'The keeper climbed the tower every evening to light the lamp.\n\nSupplies came by boat.',
    );
  });

  it('starts a paragraph at an indented first line after a full one', () => {
    const lines = [
      line('The keeper climbed the tower every evening to light the', 0, { full: true }),
      line('Supplies came by boat once a week.', 1, { x: 105 }),
      line('whenever the sea allowed it.', 2),
    ];
    expect(layoutPdfPage(lines, SPACING)).toBe(
      'The keeper climbed the tower every evening to light the\n\nSupplies came by boat once a week. whenever the sea allowed it.'.replace(
        'week. whenever',
        'week.\nwhenever',
      ),
    );
  });

  it('keeps the line break after a line that ends early (code, addresses)', () => {
    const lines = [line('BEGIN', 0), line('Version ::= INTEGER', 1), line('END', 2)];
    expect(layoutPdfPage(lines, SPACING)).toBe('BEGIN\nVersion ::= INTEGER\nEND');
  });

  it('keeps short lines of about the same length apart, as a list without markers', () => {
    const lines = [line('Lamp oil', 0), line('Lamp wick', 1), line('Flour', 2)];
    expect(layoutPdfPage(lines, SPACING)).toBe('Lamp oil\nLamp wick\nFlour');
  });

  it('puts a heading in a larger size in a paragraph of its own', () => {
    const lines = [line('1 Introduction', 0, { fontSize: 17 }), line('This document describes the library.', 1.5)];
    expect(layoutPdfPage(lines, SPACING)).toBe('1 Introduction\n\nThis document describes the library.');
  });

  it('keeps each list item on its own line and its wrapped lines with it', () => {
    const lines = [
      line('• Thread-safety. No global variables are used and multiple', 0, { x: 99, textX: 111, full: true }),
      line('handles may be used in parallel.', 1, { x: 111 }),
      line('• Portability.', 2, { x: 99, textX: 111 }),
      line('2.1 ASN.1 syntax . . . . . . . . . . . . . . . . . . . . . . 2', 3, { full: true }),
      line('2.2 Naming . . . . . . . . . . . . . . . . . . . . . . . . . . 3', 4, { full: true }),
    ];
    expect(layoutPdfPage(lines, SPACING)).toBe(
      [
        '• Thread-safety. No global variables are used and multiple handles may be used in parallel.',
        '• Portability.',
        '2.1 ASN.1 syntax . . . . . . . . . . . . . . . . . . . . . . 2',
        '2.2 Naming . . . . . . . . . . . . . . . . . . . . . . . . . . 3',
      ].join('\n'),
    );
  });

  it('joins a word hyphenated across a line break', () => {
    const lines = [
      line('parsing and structures man-', 0, { full: true }),
      line('agement, and encoding functions.', 1),
    ];
    expect(layoutPdfPage(lines, SPACING)).toBe('parsing and structures management, and encoding functions.');
  });

  it('keeps a hyphen that is followed by a capital or that ends a paragraph', () => {
    expect(
      layoutPdfPage([line('the history of the Anglo-', 0, { full: true }), line('Saxon kings.', 1)], SPACING),
    ).toBe('the history of the Anglo- Saxon kings.');
    expect(layoutPdfPage([line('a dash ends this line -', 0), line('next', 2)], SPACING)).toBe(
      'a dash ends this line -\n\nnext',
    );
  });

  it('joins a word broken at a soft hyphen and drops soft hyphens elsewhere', () => {
    const lines = [line('an extraor\u00AD', 0, { full: true }), line('dinary in\u00ADvention', 1)];
    expect(layoutPdfPage(lines, SPACING)).toBe('an extraordinary invention');
  });

  it('joins an identifier broken after an underscore without a space', () => {
    const lines = [line('more than ASN1_MAX_', 0, { full: true }), line('NAME_SIZE characters.', 1)];
    expect(layoutPdfPage(lines, SPACING)).toBe('more than ASN1_MAX_NAME_SIZE characters.');
  });

  it('joins wrapped Chinese or Japanese lines without a space, as they are written', () => {
    const lines = [line('灯塔看守人在一九一一年冬天写下了', 0, { full: true }), line('一份关于风暴的记录。', 1)];
    expect(layoutPdfPage(lines, SPACING)).toBe('灯塔看守人在一九一一年冬天写下了一份关于风暴的记录。');
    const shortLines = [line('目录', 0), line('第一章', 1)];
    expect(layoutPdfPage(shortLines, SPACING)).toBe('目录\n第一章');
  });

  it('starts a paragraph where the text moves up the page (the next column)', () => {
    const lines = [line('End of the left column.', 0), line('Top of the right column.', 0, { x: 320, y: 740 })];
    expect(layoutPdfPage(lines, SPACING)).toBe('End of the left column.\n\nTop of the right column.');
  });

  it('returns an empty string for a page without lines', () => {
    expect(layoutPdfPage([], SPACING)).toBe('');
  });
});

describe('measureLineSpacing', () => {
  it('takes the most common baseline step inside paragraphs, not the wider one between list items', () => {
    const paragraph = [0, 1, 2, 3].map((row) => line('text', row));
    const list = [0, 1, 2].map((row) => line('• item', 0, { y: 500 - row * 16 }));
    expect(measureLineSpacing([paragraph, list])).toBe(1.2);
  });

  it('falls back to single spacing when no two lines share a size', () => {
    expect(measureLineSpacing([[line('Title', 0, { fontSize: 20 }), line('Body', 2)]])).toBe(1.2);
  });
});
