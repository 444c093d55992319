import { describe, expect, it } from 'vitest';
import { toSearchText } from '../../src/store/search-text.js';
import { tokenize } from '../../src/text/tokenize.js';

describe('toSearchText', () => {
  it('gives FTS5 the shared tokenizer words, separated by spaces', () => {
    const text = 'The quick brown fox, naïve café — 42 times.\n';
    expect(toSearchText(text)).toBe('the quick brown fox naive cafe 42 times');
    expect(toSearchText(text).split(' ')).toEqual(tokenize(text));
  });

  it('splits a Chinese clause into space-separated words', () => {
    expect(toSearchText('我们今天去公园')).toBe('我们 今天 去 公园');
  });

  it('separates a CJK run from adjacent Latin letters', () => {
    expect(toSearchText('用Python写')).toBe('用 python 写');
  });

  it('segments Japanese and Thai runs as well', () => {
    expect(toSearchText('ラーメンが好き')).toBe('ラーメン が 好き');
    expect(toSearchText('ภาษาไทยง่าย')).toBe('ภาษา ไทย ง่าย');
  });
});
