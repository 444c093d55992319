import { useStdout } from 'ink';
import { useEffect, useRef, useState } from 'react';

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
  const { stdout, write } = useStdout();
  const [generation, setGeneration] = useState(0);
  const columnsRef = useRef(stdout.columns);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const redraw = (): void => {
      if (stdout.columns === columnsRef.current) return;
      columnsRef.current = stdout.columns;
      write(CLEAR_SCREEN);
      setGeneration((current) => current + 1);
    };
    const onResize = (): void => {
      clearTimeout(timer);
      timer = setTimeout(redraw, RESIZE_SETTLE_MS);
    };
    stdout.on('resize', onResize);
    return () => {
      clearTimeout(timer);
      stdout.off('resize', onResize);
    };
  }, [stdout, write]);
  return generation;
}
