import { describe, expect, it } from 'vitest';
import { createLineMap } from '../../src/chunk/line-map.js';

describe('createLineMap', () => {
  it('gives an empty text one empty line', () => {
    const lines = createLineMap('');
    expect([lines.lineCount, lines.lineAt(0), lines.lineStart(1), lines.lineEnd(1)]).toEqual([1, 1, 0, 0]);
  });

  it('numbers the lines of LF text from 1', () => {
    const lines = createLineMap('ab\ncd\nef');
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((offset) => lines.lineAt(offset))).toEqual([1, 1, 1, 2, 2, 2, 3, 3]);
    expect(lines.lineCount).toBe(3);
  });

  it('counts the empty line after a trailing newline', () => {
    const lines = createLineMap('ab\n');
    expect([lines.lineCount, lines.lineAt(1), lines.lineAt(2), lines.lineAt(3)]).toEqual([2, 1, 1, 2]);
    expect([lines.lineStart(2), lines.lineEnd(2)]).toEqual([3, 3]);
  });

  it('counts CRLF as one line break', () => {
    const lines = createLineMap('ab\r\ncd\r\n\r\nef');
    expect(lines.lineCount).toBe(4);
    expect([2, 3, 4, 8, 10].map((offset) => lines.lineAt(offset))).toEqual([1, 1, 2, 3, 4]);
    expect([1, 2, 3, 4].map((line) => [lines.lineStart(line), lines.lineEnd(line)])).toEqual([
      [0, 2],
      [4, 6],
      [8, 8],
      [10, 12],
    ]);
  });

  it('counts a lone carriage return as a line break', () => {
    const lines = createLineMap('a\rb\nc');
    expect([0, 1, 2, 3, 4].map((offset) => lines.lineAt(offset))).toEqual([1, 1, 2, 2, 3]);
    expect([lines.lineEnd(1), lines.lineEnd(2), lines.lineEnd(3)]).toEqual([1, 3, 5]);
  });

  it('puts a line start on its own line and the break before it on the previous one', () => {
    const text = 'first\nsecond\nthird';
    const lines = createLineMap(text);
    for (const line of [1, 2, 3]) {
      expect(lines.lineAt(lines.lineStart(line))).toBe(line);
      expect(lines.lineAt(lines.lineEnd(line))).toBe(line);
    }
    expect(text.slice(lines.lineStart(2), lines.lineEnd(2))).toBe('second');
  });

  it('clamps offsets outside the text to the first and last line', () => {
    const lines = createLineMap('a\nb');
    expect([lines.lineAt(-5), lines.lineAt(99)]).toEqual([1, 2]);
  });

  it('rejects line numbers outside the text', () => {
    const lines = createLineMap('a\nb');
    expect(() => lines.lineStart(0)).toThrow(RangeError);
    expect(() => lines.lineEnd(3)).toThrow('line 3 is outside 1..2');
  });
});
