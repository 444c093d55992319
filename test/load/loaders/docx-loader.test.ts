import { describe, expect, it } from 'vitest';
import { docxLoader } from '../../../src/load/loaders/docx-loader.js';
import { makeDocx } from '../../helpers/make-fixtures.js';

describe('docxLoader', () => {
  it('loads the paragraphs separated by blank lines, without trailing whitespace', async () => {
    const bytes = await makeDocx(['First paragraph.', 'Fish & <chips>.', 'Last one.']);
    expect(await docxLoader.load(bytes, {})).toEqual({
      ok: true,
      text: 'First paragraph.\n\nFish & <chips>.\n\nLast one.',
    });
  });

  it('keeps each table row on one line, its cells joined by " | "', async () => {
    const bytes = await makeDocx([
      'Brewery figures.',
      [['Product', 'Volume'], ['Stout sales', '9000 barrels'], ['', '']],
      'After the table.',
    ]);
    expect(await docxLoader.load(bytes, {})).toEqual({
      ok: true,
      text: 'Brewery figures.\n\nProduct | Volume\n\nStout sales | 9000 barrels\n\nAfter the table.',
    });
  });

  it('lists the paragraphs in Heading 1–6 styles with their place in the text, level and title', async () => {
    const bytes = await makeDocx([{ heading: 1, text: 'Sales' }, 'Stout sold well.', { heading: 2, text: ' By region ' }, 'North first.']);
    const loaded = await docxLoader.load(bytes, {});
    expect(loaded).toEqual({
      ok: true,
      text: 'Sales\n\nStout sold well.\n\n By region \n\nNorth first.',
      headings: [
        { start: 0, end: 5, level: 1, title: 'Sales' },
        { start: 26, end: 35, level: 2, title: 'By region' },
      ],
    });
  });
});
