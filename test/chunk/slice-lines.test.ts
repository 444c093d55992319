import { describe, expect, it } from 'vitest';
import { sliceLines } from '../../src/chunk/slice-lines.js';

describe('sliceLines', () => {
  it('returns the range with context lines either side, numbered from 1', () => {
    const lines = sliceLines('a\nb\nc\nd\ne', { startLine: 3, endLine: 3, contextLines: 1 });
    expect(lines).toEqual([
      { number: 2, text: 'b', inRange: false },
      { number: 3, text: 'c', inRange: true },
      { number: 4, text: 'd', inRange: false },
    ]);
  });

  it('clamps the context at the start and end of the text', () => {
    const lines = sliceLines('a\r\nb\r\nc', { startLine: 1, endLine: 3, contextLines: 5 });
    expect(lines.map((line) => [line.number, line.text, line.inRange])).toEqual([
      [1, 'a', true],
      [2, 'b', true],
      [3, 'c', true],
    ]);
  });

  it('shows no empty line after the final line break, as an editor numbers lines', () => {
    for (const text of ['a\nb\nc\n', 'a\r\nb\r\nc\r\n']) {
      const lines = sliceLines(text, { startLine: 3, endLine: 3, contextLines: 3 });
      expect(lines.map((line) => line.number)).toEqual([1, 2, 3]);
    }
    expect(sliceLines('a\n\n', { startLine: 1, endLine: 1, contextLines: 3 }).map((line) => line.text)).toEqual(['a', '']);
  });

  it('gives no lines for a range past the end (the file shrank)', () => {
    expect(sliceLines('a\nb', { startLine: 9, endLine: 10, contextLines: 2 })).toEqual([]);
  });
});
