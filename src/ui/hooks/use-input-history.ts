import { useCallback, useMemo, useRef } from 'react';

/** Where the up and down keys are in the input history. */
export interface InputHistoryCursor {
  /** Index of the entry shown, or `null` while editing a fresh line. */
  index: number | null;
  /** The fresh line as it was before browsing began; restored at the bottom. */
  draft: string;
}

/** The direction of a key press: up is `older`, down is `newer`. */
export type HistoryDirection = 'older' | 'newer';

/** A cursor that is not browsing. */
export const FRESH_CURSOR: InputHistoryCursor = { index: null, draft: '' };

/**
 * One step through the input history (oldest entry first). Returns the new
 * cursor and the line to show, or `null` when the key does nothing.
 *
 * @example
 * browseInputHistory(['a', 'b'], FRESH_CURSOR, 'older', 'dra')
 * // → { cursor: { index: 1, draft: 'dra' }, value: 'b' }
 */
export function browseInputHistory(
  entries: readonly string[],
  cursor: InputHistoryCursor,
  direction: HistoryDirection,
  current: string,
): { cursor: InputHistoryCursor; value: string } | null {
  if (direction === 'older') {
    if (entries.length === 0) return null;
    const index = cursor.index === null ? entries.length - 1 : Math.max(0, cursor.index - 1);
    const draft = cursor.index === null ? current : cursor.draft;
    return { cursor: { index, draft }, value: entries[index] ?? '' };
  }
  if (cursor.index === null) return null;
  const index = cursor.index + 1;
  if (index >= entries.length) return { cursor: FRESH_CURSOR, value: cursor.draft };
  return { cursor: { ...cursor, index }, value: entries[index] ?? '' };
}

/** Up and down through earlier input lines, for `InputLine`. */
export function useInputHistory(entries: readonly string[]): {
  /** The line to show after pressing up or down, or `null` to keep the current one. */
  browse(direction: HistoryDirection, current: string): string | null;
  /** Back to a fresh line (after a submit). */
  reset(): void;
} {
  const cursorRef = useRef<InputHistoryCursor>(FRESH_CURSOR);
  const entriesRef = useRef(entries);
  entriesRef.current = entries;
  const browse = useCallback((direction: HistoryDirection, current: string) => {
    const step = browseInputHistory(entriesRef.current, cursorRef.current, direction, current);
    if (step === null) return null;
    cursorRef.current = step.cursor;
    return step.value;
  }, []);
  const reset = useCallback(() => {
    cursorRef.current = FRESH_CURSOR;
  }, []);
  return useMemo(() => ({ browse, reset }), [browse, reset]);
}
