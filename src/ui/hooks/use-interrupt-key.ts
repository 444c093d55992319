import { useInput, type Key } from 'ink';
import { useCallback, useEffect, useRef, useState } from 'react';

/** How soon a second Ctrl+C must follow the first to quit. */
export const QUIT_WINDOW_MS = 2000;

/**
 * Ctrl+C as the chat reads it: the first press cancels what is running (an
 * answer, an index run) or, with nothing running, asks for a second press;
 * a second press within {@link QUIT_WINDOW_MS} quits. Returns whether a
 * second press would quit now, for the status line to say so.
 */
export function useInterruptKey({
  cancel,
  quit,
}: {
  /** Cancels the running work; returns `false` when nothing was running. */
  cancel(): boolean;
  quit(): void;
}): boolean {
  const [armed, setArmed] = useState(false);
  const lastPressRef = useRef<number | null>(null);
  const timerRef = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const handleKey = useCallback(
    (input: string, key: Key) => {
      if (!(key.ctrl && input === 'c')) return;
      const now = Date.now();
      const last = lastPressRef.current;
      lastPressRef.current = now;
      if (cancel()) return arm();
      if (last !== null && now - last < QUIT_WINDOW_MS) return quit();
      arm();

      function arm(): void {
        setArmed(true);
        clearTimeout(timerRef.current);
        timerRef.current = setTimeout(() => {
          lastPressRef.current = null;
          setArmed(false);
        }, QUIT_WINDOW_MS);
      }
    },
    [cancel, quit],
  );
  useInput(handleKey);
  useEffect(() => () => clearTimeout(timerRef.current), []);
  return armed;
}
