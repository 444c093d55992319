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

  it('keeps an edit to a recalled entry while browsing, as readline does', () => {
    const recalled = browseInputHistory(entries, FRESH_CURSOR, 'older', 'dra');
    const older = browseInputHistory(entries, recalled!.cursor, 'older', 'second, edited');
    expect(older?.value).toBe('first');
    const back = browseInputHistory(entries, older!.cursor, 'newer', 'first');
    expect(back?.value).toBe('second, edited');
    const bottom = browseInputHistory(entries, back!.cursor, 'newer', 'second, edited');
    expect(bottom?.value).toBe('dra');
    expect(browseInputHistory(entries, bottom!.cursor, 'older', 'dra')?.value).toBe('second, edited');
  });

  it('forgets an edit undone by hand', () => {
    const cursor = { index: 1, draft: '', edits: { 1: 'second, edited' } };
    const older = browseInputHistory(entries, cursor, 'older', 'second');
    expect(older?.cursor).toEqual({ index: 0, draft: '' });
  });

  it('does nothing without entries or below the fresh line', () => {
    expect(browseInputHistory([], FRESH_CURSOR, 'older', '')).toBeNull();
    expect(browseInputHistory(entries, FRESH_CURSOR, 'newer', '')).toBeNull();
  });
});
