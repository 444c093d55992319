import { describe, expect, it } from 'vitest';
import { pdfLoader } from '../../../src/load/loaders/pdf-loader.js';
import { makePdf } from '../../helpers/make-fixtures.js';

/**
 * Two paragraphs in 12-point Helvetica. The first and third lines reach close
 * to the right margin (the next word would not have fitted), so they wrap.
 */
const PARAGRAPHS = [
  'In the winter of 1911 the keeper of the Varnholm lighthouse wrote a long and extraor-',
  'dinary account of the storm that closed the harbour for nine days.',
  '',
  'Supplies reached the island again only when the tug Margit crossed over from the cold',
  'mainland with lamp oil, flour and the winter post.',
];

describe('pdfLoader', () => {
  it('joins the lines of each page and records where each page starts', async () => {
    const bytes = await makePdf([
      ['Page one first line', 'second line'],
      ['Page two first', 'last line'],
    ]);
    const result = await pdfLoader.load(bytes, {});
    expect(result).toEqual({
      ok: true,
      text: 'Page one first line\nsecond line\n\nPage two first\nlast line',
      pageOffsets: [0, 33],
    });
    if (!result.ok) return;
    expect(result.text.slice(result.pageOffsets?.[1])).toMatch(/^Page two first\n/);
  });

  it('reads a page as paragraphs: wrapped lines joined, a hyphenated word whole, a blank line between', async () => {
    const result = await pdfLoader.load(await makePdf([PARAGRAPHS]), {});
    expect(result).toEqual({
      ok: true,
      text:
        'In the winter of 1911 the keeper of the Varnholm lighthouse wrote a long and extraordinary account of the storm that closed the harbour for nine days.' +
        '\n\nSupplies reached the island again only when the tug Margit crossed over from the cold mainland with lamp oil, flour and the winter post.',
      pageOffsets: [0],
    });
  });

  it('keeps short lines apart: a page of short lines is not one paragraph', async () => {
    const result = await pdfLoader.load(await makePdf([['Shopping list', 'Lamp oil', 'Flour']]), {});
    expect(result).toMatchObject({ text: 'Shopping list\nLamp oil\nFlour' });
  });

  it('drops a running header that repeats on every page, keeping each page start right', async () => {
    const pages = ['First page body.', 'Second page body.', 'Third page body.'].map((body, index) => [
      `Harbour Almanac, page ${index + 1}`,
      '',
      body,
    ]);
    const result = await pdfLoader.load(await makePdf(pages), {});
    expect(result).toEqual({
      ok: true,
      text: 'First page body.\n\nSecond page body.\n\nThird page body.',
      pageOffsets: [0, 18, 37],
    });
  });

  it('keeps the page offsets right across a page with no text', async () => {
    const result = await pdfLoader.load(await makePdf([['One'], [], ['Three']]), {});
    expect(result).toEqual({ ok: true, text: 'One\n\n\n\nThree', pageOffsets: [0, 5, 7] });
  });

  it('skips a PDF without text as empty, suggesting a scan', async () => {
    expect(await pdfLoader.load(await makePdf([[], []]), {})).toEqual({
      ok: false,
      reason: 'empty',
      detail: 'no extractable text (scanned PDF?)',
    });
  });

  it('leaves the bytes it was given intact', async () => {
    const bytes = await makePdf([['Hello']]);
    const copy = bytes.slice();
    await pdfLoader.load(bytes, {});
    expect(bytes).toEqual(copy);
  });

  it('throws ABORTED when the signal has fired', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(pdfLoader.load(await makePdf([['Hello']]), { signal: controller.signal })).rejects.toMatchObject({
      code: 'ABORTED',
    });
  });
});
