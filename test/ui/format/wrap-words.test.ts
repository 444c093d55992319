import { describe, expect, it } from 'vitest';
import { breakAtSpaces, breakLines, offsetInBroken, visualLineStarts } from '../../../src/ui/format/wrap-words.js';

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

/** The lines a terminal `width` columns wide shows of `text` once broken: its line breaks, then its own wraps. */
function shownLines(text: string, width: number): string[] {
  const broken = breakAtSpaces(text, width);
  const starts = visualLineStarts(broken, width);
  return starts.map((start, index) => broken.slice(start, starts[index + 1] ?? broken.length).replace(/\n$/, ''));
}

describe('breakAtSpaces in Chinese and Japanese', () => {
  it('moves the character before a full stop down with it, so no line starts with 。', () => {
    expect(breakAtSpaces('公司成立。', 8)).toBe('公司成\n立。');
    expect(shownLines('公司成立于一九九八年。', 8)).toEqual(['公司成立', '于一九九', '八年。']);
    expect(shownLines('公司成立于一九九。', 8)).toEqual(['公司成立', '于一九', '九。']);
  });

  it.each(Array.from('。，、；：？！」』）'))('never starts a line with %s', (mark) => {
    expect(shownLines(`一二三四${mark}五六七八`, 8)).toEqual(['一二三', `四${mark}五六`, '七八']);
  });

  it('moves back past a run of closing marks, keeping them together', () => {
    expect(shownLines('他说「好」。然后', 10)).toEqual(['他说「', '好」。然后']);
  });

  it('lets a closing mark start a line when the line before would be empty', () => {
    expect(shownLines('一。', 2)).toEqual(['一', '。']);
  });

  it('leaves ASCII punctuation where the terminal puts it', () => {
    expect(breakAtSpaces('abcdefgh.', 8)).toBe('abcdefgh.');
    expect(shownLines('abcdefgh.', 8)).toEqual(['abcdefgh', '.']);
    expect(breakAtSpaces('one two. three', 7)).toBe('one\ntwo.\nthree');
  });
});

describe('breakLines', () => {
  it('says where it added a line break, and maps offsets past it', () => {
    const lines = breakLines('ab公司成立。', 11);
    expect(lines).toEqual({ text: 'ab公司成\n立。', added: [5] });
    expect([4, 5, 6].map((offset) => offsetInBroken(lines, offset))).toEqual([4, 6, 7]);
  });

  it('adds nothing where every break is a space', () => {
    expect(breakLines('aaaa bbbb cccc', 9)).toEqual({ text: 'aaaa bbbb\ncccc', added: [] });
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

  it('counts the lines of text broken before closing punctuation as the terminal shows them', () => {
    expect(visualLineStarts(breakAtSpaces('公司成立。五', 8), 8)).toEqual([0, 4]);
  });
});
