import { describe, expect, it } from 'vitest';
import { pdfLoader } from '../../../src/load/loaders/pdf-loader.js';
import { makePdf } from '../../helpers/make-fixtures.js';

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
