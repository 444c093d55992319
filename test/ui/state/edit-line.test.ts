import { describe, expect, it } from 'vitest';
import { editLine, type LineEdit, type LineState } from '../../../src/ui/state/edit-line.js';

const at = (value: string, cursor = value.length): LineState => ({ value, cursor });
const apply = (line: LineState, ...edits: LineEdit['type'][]): LineState =>
  edits.reduce((current, type) => editLine(current, { type } as LineEdit), line);

describe('editLine', () => {
  it('inserts at the cursor', () => {
    expect(editLine(at('ac', 1), { type: 'insert', text: 'b' })).toEqual(at('abc', 2));
  });

  it('deletes before and after the cursor, and does nothing at the ends', () => {
    expect(apply(at('abc', 1), 'delete-before')).toEqual(at('bc', 0));
    expect(apply(at('abc', 1), 'delete-after')).toEqual(at('ac', 1));
    expect(apply(at('abc', 0), 'delete-before')).toEqual(at('abc', 0));
    expect(apply(at('abc'), 'delete-after')).toEqual(at('abc'));
  });

  it('deletes the word before the cursor with the spaces after it (Ctrl+W)', () => {
    expect(apply(at('who led  the team  '), 'delete-word-before')).toEqual(at('who led  the '));
    expect(apply(at('who led the', 7), 'delete-word-before')).toEqual(at('who  the', 4));
  });

  it('deletes to the start (Ctrl+U) and to the end (Ctrl+K)', () => {
    expect(apply(at('who led', 4), 'delete-to-start')).toEqual(at('led', 0));
    expect(apply(at('who led', 4), 'delete-to-end')).toEqual(at('who ', 4));
  });

  it('moves by character, word, and to home and end', () => {
    expect(apply(at('who led it'), 'move-word-left', 'move-word-left')).toEqual(at('who led it', 4));
    expect(apply(at('who led it', 0), 'move-word-right')).toEqual(at('who led it', 3));
    expect(apply(at('abc', 1), 'move-end')).toEqual(at('abc', 3));
    expect(apply(at('abc', 2), 'move-home', 'move-left')).toEqual(at('abc', 0));
    expect(apply(at('abc', 2), 'move-right', 'move-right')).toEqual(at('abc', 3));
  });

  it('steps over a character outside the BMP as one', () => {
    const line = at('a😀b', 3);
    expect(apply(line, 'move-left')).toEqual(at('a😀b', 1));
    expect(apply(line, 'delete-before')).toEqual(at('ab', 1));
    expect(apply(at('a😀b', 1), 'delete-after')).toEqual(at('ab', 1));
  });
});
