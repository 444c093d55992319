import { describe, expect, it } from 'vitest';
import { fitInputRows } from '../../../src/ui/format/fit-input-rows.js';

describe('fitInputRows', () => {
  it('keeps a line that fits whole, with a cell for the cursor at its end', () => {
    expect(fitInputRows('a\nb', 3, 10, 3)).toEqual({ text: 'a\nb ', cursor: 3, rowsAbove: 0, rowsBelow: 0 });
  });

  it('shows the rows that end at the cursor, one row left for the note', () => {
    expect(fitInputRows('a\nb\nc\nd', 7, 10, 3)).toEqual({ text: 'c\nd ', cursor: 3, rowsAbove: 2, rowsBelow: 0 });
  });

  it('keeps the cursor in view when it moves up, counting the rows below', () => {
    expect(fitInputRows('a\nb\nc\nd', 0, 10, 3)).toEqual({ text: 'a\nb', cursor: 0, rowsAbove: 0, rowsBelow: 2 });
  });

  it('counts the rows a long line wraps to', () => {
    expect(fitInputRows('one two three four five', 0, 10, 2)).toEqual({ text: 'one two', cursor: 0, rowsAbove: 0, rowsBelow: 2 });
  });

  it('keeps the cursor on its character where a line break was added before closing punctuation', () => {
    // 公司 / 成。你 / 好 at 6 columns: the break before 成 is added, not a space replaced.
    expect(fitInputRows('公司成。你好', 2, 6, 2)).toEqual({ text: '成。你', cursor: 0, rowsAbove: 1, rowsBelow: 1 });
    expect(fitInputRows('公司成。你好', 5, 6, 2)).toEqual({ text: '好', cursor: 0, rowsAbove: 2, rowsBelow: 0 });
  });
});
