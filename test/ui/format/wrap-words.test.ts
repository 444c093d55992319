import { describe, expect, it } from 'vitest';
import { breakAtSpaces, visualLineStarts } from '../../../src/ui/format/wrap-words.js';

describe('breakAtSpaces', () => {
  it('breaks at the space after a line that fills the width exactly, so the next line does not start with it', () => {
    expect(breakAtSpaces('aaaa bbbb cccc', 9)).toBe('aaaa bbbb\ncccc');
  });

  it('breaks at the last space that fits', () => {
    expect(breakAtSpaces('one two three four', 10)).toBe('one two\nthree four');
  });

  it('keeps the length, so offsets into the text stay valid', () => {
    const text = 'On June 2, Guo Jun, Deputy Secretary-General of the National Committee of the CPPCC';
    expect(breakAtSpaces(text, 20)).toHaveLength(text.length);
  });

  it('leaves text that fits, and its own line breaks, as they are', () => {
    expect(breakAtSpaces('short\nlines here', 20)).toBe('short\nlines here');
  });

  it('counts terminal columns: a Chinese character takes two', () => {
    expect(breakAtSpaces('公司 成立 一九', 9)).toBe('公司 成立\n一九');
  });

  it('leaves a word longer than the line to the terminal, breaking before it', () => {
    expect(breakAtSpaces('see https://example.com/a/long/path now', 12)).toBe('see\nhttps://example.com/a/long/path now');
  });
});

describe('visualLineStarts', () => {
  it('gives the offset of every line the terminal shows: after each line break and each wrap', () => {
    const text = breakAtSpaces('one two three four\nfive', 10);
    expect(text).toBe('one two\nthree four\nfive');
    expect(visualLineStarts(text, 10)).toEqual([0, 8, 19]);
  });

  it('splits a run without spaces where the terminal does, in UTF-16 offsets', () => {
    expect(visualLineStarts('公司成立一九', 4)).toEqual([0, 2, 4]);
    expect(visualLineStarts('😀😀😀', 4)).toEqual([0, 4]);
  });
});
