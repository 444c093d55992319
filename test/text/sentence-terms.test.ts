import { describe, expect, it } from 'vitest';
import {
  formatSentenceTerms,
  parseSentenceTerms,
  tokenizePassage,
  tokenizeSentences,
} from '../../src/text/sentence-terms.js';

describe('tokenizeSentences', () => {
  it('gives the stemmed content terms of each sentence', () => {
    expect(tokenizeSentences('Herons wade. They were fishing!')).toEqual([['heron', 'wade'], ['fish']]);
  });

  it('reads a title with the first sentence, as its topic', () => {
    expect(tokenizePassage('Grey herons', 'Herons wade. Fish hide.')).toEqual([
      ['grei', 'heron', 'heron', 'wade'],
      ['fish', 'hide'],
    ]);
    expect(tokenizePassage(null, 'Herons wade.')).toEqual([['heron', 'wade']]);
  });
});

describe('formatSentenceTerms', () => {
  it('round-trips through parseSentenceTerms, empty sentences included', () => {
    const sentences = [['heron', 'wade'], [], ['我们', '喜欢'], ['fish']];
    const stored = formatSentenceTerms(sentences);
    expect(stored).toBe('heron wade\n\n我们 喜欢\nfish');
    expect(parseSentenceTerms(stored)).toEqual(sentences);
  });

  it('round-trips a passage without terms', () => {
    expect(parseSentenceTerms(formatSentenceTerms([[]]))).toEqual([[]]);
  });
});
