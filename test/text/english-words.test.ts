import { describe, expect, it } from 'vitest';
import { isEnglishWord, scowlSizeOf } from '../../src/text/english-words.js';

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

describe('scowlSizeOf', () => {
  it('gives the SCOWL size of a word or its inflection, commonest 10 to rare 70', () => {
    expect(['use', 'uses', 'year', 'folder', 'aardwolf'].map(scowlSizeOf)).toEqual([10, 10, 10, 20, 70]);
  });

  it('knows no size for names, typos and other scripts', () => {
    expect(['ollama', 'goverment', '根部', '', 'a"b'].map(scowlSizeOf)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});
