import { describe, expect, it } from 'vitest';
import { truncateQuote } from '../../../src/ui/format/truncate-quote.js';

describe('truncateQuote', () => {
  it('keeps a quote that fits, with its whitespace collapsed', () => {
    expect(truncateQuote('one  two\nthree', { width: 20, maxLines: 1 })).toBe('one two three');
  });

  it('cuts at the last word that fits and adds an ellipsis', () => {
    expect(truncateQuote('one two\nthree four', { width: 9, maxLines: 1 })).toBe('one two…');
  });

  it('fills up to the allowed number of wrapped lines', () => {
    expect(truncateQuote('aaa bbb ccc ddd eee', { width: 7, maxLines: 2 })).toBe('aaa bbb ccc…');
  });

  it('splits a word longer than a line', () => {
    expect(truncateQuote('abcdefghij', { width: 4, maxLines: 2 })).toBe('abcdefg…');
  });
});

describe('truncateQuote with wide characters', () => {
  it('counts a Chinese character as two columns', () => {
    expect(truncateQuote('公司成立于一九九八年', { width: 9, maxLines: 1 })).toBe('公司成立…');
    expect(truncateQuote('公司成立于一九九八年', { width: 20, maxLines: 1 })).toBe('公司成立于一九九八年');
  });

  it('wraps a run of Chinese without spaces over the allowed lines', () => {
    expect(truncateQuote('一二三四五六七八九十', { width: 6, maxLines: 2 })).toBe('一二三四五…');
  });

  it('mixes Chinese and English words', () => {
    expect(truncateQuote('用 Python 写代码很快', { width: 12, maxLines: 1 })).toBe('用 Python…');
  });
});
