import { describe, expect, it } from 'vitest';
import { STOP_WORDS, stem, tokenize } from '../../src/embed/tokenize.js';

describe('tokenize', () => {
  it('lowercases and splits on punctuation and spaces', () => {
    expect(tokenize('The Cat, the HAT; 3.14!')).toEqual(['the', 'cat', 'the', 'hat', '3', '14']);
  });

  it('splits words at apostrophes', () => {
    expect(tokenize("Don't stop")).toEqual(['don', 't', 'stop']);
  });

  it('applies NFKC so full-width and ligature forms match plain ones', () => {
    expect(tokenize('ＡＢＣ ﬁle')).toEqual(['abc', 'file']);
  });

  it('keeps accented letters and combining marks inside a word', () => {
    expect(tokenize('naïve café Straße')).toEqual(['naïve', 'café', 'straße']);
    expect(tokenize('cafe\u0301')).toEqual(['café']);
  });

  it('segments Chinese into dictionary words', () => {
    expect(tokenize('我们喜欢读书。')).toEqual(['我们', '喜欢', '读书']);
  });

  it('splits a Chinese run from Latin words next to it', () => {
    expect(tokenize('Hello世界 test')).toEqual(['hello', '世界', 'test']);
  });

  it('returns no tokens for text without letters or digits', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' -- ... !!')).toEqual([]);
  });
});

describe('STOP_WORDS', () => {
  it('holds function words and apostrophe fragments but not content words', () => {
    expect(['the', 'and', 'of', 'is', 's', 't', 'don'].every((word) => STOP_WORDS.has(word))).toBe(true);
    expect(['cat', 'index', 'passage'].some((word) => STOP_WORDS.has(word))).toBe(false);
  });
});

describe('stem (re-exported)', () => {
  it('is the Porter stemmer', () => {
    expect(stem('relational')).toBe('relat');
  });
});
