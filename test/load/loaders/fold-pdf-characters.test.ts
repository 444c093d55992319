import { describe, expect, it } from 'vitest';
import { foldPdfCharacters } from '../../../src/load/loaders/fold-pdf-characters.js';

describe('foldPdfCharacters', () => {
  it('spells out ligatures, so "ﬁnd" matches a search for "find"', () => {
    expect(foldPdfCharacters('ﬁnd the ﬂow, ﬀ ﬃ ﬄ ﬅ ﬆ')).toBe('find the flow, ff ffi ffl st st');
  });

  it('leaves full-width and CJK compatibility characters as the page shows them', () => {
    expect(foldPdfCharacters('ＡＢＣ１２３ ㍿ ｶﾀｶﾅ 東京')).toBe('ＡＢＣ１２３ ㍿ ｶﾀｶﾅ 東京');
  });

  it('removes NUL and other invisible control characters, keeping tabs and line breaks', () => {
    expect(foldPdfCharacters('a\u0000b\u0007c\td\ne')).toBe('abc\td\ne');
  });
});
