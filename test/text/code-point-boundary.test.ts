import { describe, expect, it } from 'vitest';
import { nextCodePoint, previousCodePoint } from '../../src/text/code-point-boundary.js';

describe('code point boundaries', () => {
  const text = 'a𠮷b'; // 𠮷 is U+20BB7: offsets 1 and 2 hold its two halves

  it('steps back over a surrogate pair as one character', () => {
    expect([4, 3, 1, 0].map((offset) => previousCodePoint(text, offset))).toEqual([3, 1, 0, 0]);
  });

  it('steps forward over a surrogate pair as one character', () => {
    expect([0, 1, 3, 4].map((offset) => nextCodePoint(text, offset))).toEqual([1, 3, 4, 4]);
  });

  it('steps one unit at a time through Chinese in the Basic Multilingual Plane', () => {
    expect(previousCodePoint('公司', 2)).toBe(1);
    expect(nextCodePoint('公司', 0)).toBe(1);
  });
});
