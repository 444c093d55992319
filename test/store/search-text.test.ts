import { describe, expect, it } from 'vitest';
import { toSearchText } from '../../src/store/search-text.js';

describe('toSearchText', () => {
  it('returns English text unchanged', () => {
    const text = 'The quick brown fox, naïve café — 42 times.\n';
    expect(toSearchText(text)).toBe(text);
  });

  it('splits a Chinese clause into space-separated words', () => {
    expect(toSearchText('我们今天去公园')).toBe('我们 今天 去 公园');
  });

  it('separates a CJK run from adjacent Latin letters', () => {
    expect(toSearchText('用Python写')).toBe('用 Python 写');
  });

  it('keeps the text around a CJK run as it was', () => {
    expect(toSearchText('see 公园 here')).toBe('see 公园 here');
  });
});
