import { describe, expect, it } from 'vitest';
import { isEnglishWord } from '../../src/text/english-words.js';

describe('isEnglishWord', () => {
  it('knows words and their inflections, in British and American spelling', () => {
    for (const word of ['remolding', 'zebras', 'merlin', 'harbour', 'harbor', 'colour', 'color', 'apoptosis']) {
      expect(isEnglishWord(word), word).toBe(true);
    }
  });

  it('does not know common typos, or fragments of words', () => {
    for (const word of ['goverment', 'recieve', 'seperate', 'investgation', 'zebr', 'ebras', '']) {
      expect(isEnglishWord(word), word).toBe(false);
    }
  });

  it('takes a word with quotes in it as no word, not as part of the lists', () => {
    expect(isEnglishWord('zebras","zebra')).toBe(false);
    expect(isEnglishWord('\\')).toBe(false);
  });
});
