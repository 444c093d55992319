import { describe, expect, it } from 'vitest';
import { browseInputHistory, FRESH_CURSOR } from '../../../src/ui/hooks/use-input-history.js';

describe('browseInputHistory', () => {
  const entries = ['first', 'second'];

  it('goes to the newest entry first and remembers the draft', () => {
    expect(browseInputHistory(entries, FRESH_CURSOR, 'older', 'dra')).toEqual({
      cursor: { index: 1, draft: 'dra' },
      value: 'second',
    });
  });

  it('stops at the oldest entry', () => {
    const cursor = { index: 0, draft: '' };
    expect(browseInputHistory(entries, cursor, 'older', 'first')?.value).toBe('first');
  });

  it('comes back down to the draft', () => {
    const cursor = { index: 1, draft: 'dra' };
    expect(browseInputHistory(entries, cursor, 'newer', 'second')).toEqual({
      cursor: FRESH_CURSOR,
      value: 'dra',
    });
  });

  it('does nothing without entries or below the fresh line', () => {
    expect(browseInputHistory([], FRESH_CURSOR, 'older', '')).toBeNull();
    expect(browseInputHistory(entries, FRESH_CURSOR, 'newer', '')).toBeNull();
  });
});
