import { describe, expect, it } from 'vitest';
import { splitLongSpan } from '../../src/chunk/split-long-span.js';

const pieceTexts = (text: string, maxLength: number): string[] =>
  splitLongSpan(text, { start: 0, end: text.length }, maxLength).map((piece) => text.slice(piece.start, piece.end));

describe('splitLongSpan', () => {
  it('cuts at line breaks before words', () => {
    expect(pieceTexts('alpha beta\ngamma delta', 12)).toEqual(['alpha beta', 'gamma delta']);
  });

  it('cuts an over-long line at spaces and keeps punctuation on its token', () => {
    expect(pieceTexts('a well-known (case), done.', 12)).toEqual(['a', 'well-known', '(case),', 'done.']);
  });

  it('cuts text without spaces where a word starts', () => {
    expect(pieceTexts('我们今天去公园', 3)).toEqual(['我们', '今天去', '公园']);
  });

  it('cuts a long URL before a word and leaves punctuation on the left', () => {
    expect(pieceTexts('https://example.com/path', 12)).toEqual(['https://', 'example.com/', 'path']);
  });

  it('hard-cuts a word longer than the limit', () => {
    expect(pieceTexts('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('never cuts a surrogate pair in half', () => {
    expect(pieceTexts('x😀😀', 2)).toEqual(['x', '😀', '😀']);
  });
});
