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
});
