import { describe, expect, it } from 'vitest';
import { dropRunningLines } from '../../../src/load/loaders/drop-running-lines.js';
import type { PdfLine } from '../../../src/load/loaders/group-pdf-lines.js';

const TOP = 740;
const BOTTOM = 50;

function line(text: string, y: number): PdfLine {
  return { text, x: 90, textX: 90, xEnd: 90 + text.length * 5, y, fontSize: 10 };
}

const BODIES = ['Lamps are trimmed at dusk.', 'Fog horns sound twice.', 'Boats dock at the quay.', 'Oil comes by cart.', 'Gulls nest on the cliff.', 'Storms close the harbour.', 'Nets dry on the wall.', 'Tides turn at noon.'];

/** Pages whose body is one line each, between the given header and footer (null for none). */
function pages(count: number, header: (page: number) => string | null, footer: (page: number) => string | null): PdfLine[][] {
  return Array.from({ length: count }, (_, index) => {
    const page = index + 1;
    const top = header(page);
    const bottom = footer(page);
    return [
      ...(top === null ? [] : [line(top, TOP)]),
      line(BODIES[index] ?? '', 400),
      ...(bottom === null ? [] : [line(bottom, BOTTOM)]),
    ];
  });
}

const texts = (result: PdfLine[][]): string[][] => result.map((lines) => lines.map((line) => line.text));

describe('dropRunningLines', () => {
  it('drops a header and a footer that repeat on most pages once numbers are ignored', () => {
    const result = dropRunningLines(pages(4, () => 'Harbour Almanac 2024', (page) => `Page ${page} of 4`));
    expect(texts(result)).toEqual(BODIES.slice(0, 4).map((body) => [body]));
  });

  it('keeps a line that repeats on fewer than 3 pages', () => {
    const result = dropRunningLines(pages(2, () => 'Harbour Almanac', () => null));
    expect(texts(result)).toEqual([
      ['Harbour Almanac', BODIES[0]],
      ['Harbour Almanac', BODIES[1]],
    ]);
  });

  it('keeps a line that repeats on fewer than half the pages', () => {
    const result = dropRunningLines(pages(8, (page) => (page <= 3 ? 'Summary' : null), () => null));
    expect(result[0]?.[0]?.text).toBe('Summary');
  });

  it('keeps a repeated line that is not at the top or bottom of its page', () => {
    const result = dropRunningLines(
      BODIES.slice(0, 3).map((body) => [line(body, TOP), line('Note: see the appendix.', 400), line(body, BOTTOM)]),
    );
    expect(result.every((lines) => lines.some((line) => line.text === 'Note: see the appendix.'))).toBe(true);
  });

  it('keeps a title page that repeats the header at another height', () => {
    const withTitle = pages(4, () => 'Harbour Almanac', () => null);
    withTitle[0] = [line('Harbour Almanac', 600), line(BODIES[0] ?? '', 400)];
    expect(texts(dropRunningLines(withTitle))).toEqual([['Harbour Almanac', BODIES[0]], ...BODIES.slice(1, 4).map((body) => [body])]);
  });

  it('drops a header that names the chapter, by its page number counting with the pages', () => {
    const chapter = (page: number): string => (page <= 3 ? 'Chapter 1: Lamps' : 'Chapter 2: Lenses');
    // Page 1 opens the chapter with its number alone; the numbering starts at 5.
    const result = dropRunningLines(pages(6, (page) => (page === 1 ? `${page + 4}` : `${chapter(page)} ${page + 4}`), () => null));
    expect(texts(result)).toEqual(BODIES.slice(0, 6).map((body) => [body]));
  });

  it('keeps a numbered heading atop each page, though its number counts with the pages', () => {
    const result = dropRunningLines(pages(4, (page) => `${page} ${['Introduction', 'Methods', 'Results', 'Discussion'][page - 1]}`, () => null));
    expect(result.map((lines) => lines[0]?.text)).toEqual(['1 Introduction', '2 Methods', '3 Results', '4 Discussion']);
  });

  it('keeps numbered headings at the top of each page when the numbers do not count with the pages', () => {
    const result = dropRunningLines(pages(6, (page) => `${page * 2}. ${BODIES[page]}`, () => null));
    expect(result.every((lines) => lines.length === 2)).toBe(true);
  });
});
