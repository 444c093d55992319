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
