import { useStdout } from 'ink';
import { useEffect, useRef, useState } from 'react';
import { useTerminalWidth } from './use-terminal-width.js';

/** Clears the screen and its scrollback, then homes the cursor. */
export const CLEAR_SCREEN = '\u001B[2J\u001B[3J\u001B[H';

/** How long the width must hold still before the conversation is printed again (a drag sends many resizes). */
export const RESIZE_SETTLE_MS = 100;

/**
 * A key for the conversation's `<Static>` that changes after the terminal's
 * width does, once the screen has been cleared: the conversation is then
 * printed again at the new width. Ink erases its live region by counting the
 * lines it wrote at the old width; a terminal that re-wraps those lines on
 * resize leaves the rest behind (half a streamed answer, a second prompt).
 * gemini-cli does the same (`refreshStatic` in its `AppContainer`).
 */
export function useRedrawOnResize(): number {
  const { write } = useStdout();
  const columns = useTerminalWidth();
  const [generation, setGeneration] = useState(0);
  const drawnAt = useRef(columns);
  useEffect(() => {
    // A drag that ends at the width it started from needs no redraw.
    if (columns === drawnAt.current) return;
    const timer = setTimeout(() => {
      drawnAt.current = columns;
      write(CLEAR_SCREEN);
      setGeneration((current) => current + 1);
    }, RESIZE_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [columns, write]);
  return generation;
}
