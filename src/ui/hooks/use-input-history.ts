import { useCallback, useMemo, useRef } from 'react';

/** Where the up and down keys are in the input history. */
export interface InputHistoryCursor {
  /** Index of the entry shown, or `null` while editing a fresh line. */
  index: number | null;
  /** The fresh line as it was before browsing began; restored at the bottom. */
  draft: string;
  /**
   * Entries edited while browsing, by index, shown as edited when the keys
   * come back to them (as readline does); a submit forgets them. Absent: none.
   */
  edits?: Readonly<Record<number, string>>;
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
  const edits = keepEdit(entries, cursor, current);
  const at = (index: number, draft: string): { cursor: InputHistoryCursor; value: string } => ({
    cursor: edits === undefined ? { index, draft } : { index, draft, edits },
    value: edits?.[index] ?? entries[index] ?? '',
  });
  if (direction === 'older') {
    if (entries.length === 0) return null;
    const index = cursor.index === null ? entries.length - 1 : Math.max(0, cursor.index - 1);
    return at(index, cursor.index === null ? current : cursor.draft);
  }
  if (cursor.index === null) return null;
  const index = cursor.index + 1;
  if (index < entries.length) return at(index, cursor.draft);
  // Back on the fresh line, which is the draft again (the next `older` takes it as it is then).
  return { cursor: edits === undefined ? FRESH_CURSOR : { ...FRESH_CURSOR, edits }, value: cursor.draft };
}

/** The cursor's edits with the line shown now recorded, if it is a recalled entry the user changed. */
function keepEdit(
  entries: readonly string[],
  cursor: InputHistoryCursor,
  current: string,
): InputHistoryCursor['edits'] {
  const index = cursor.index;
  if (index === null) return cursor.edits;
  const others = Object.entries(cursor.edits ?? {}).filter(([key]) => Number(key) !== index);
  if (current !== entries[index]) others.push([String(index), current]);
  return others.length === 0 ? undefined : Object.fromEntries(others);
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
