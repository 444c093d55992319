import { useStdout } from 'ink';
import { useEffect, useState } from 'react';
import { onResize } from './on-resize.js';

/** Width used when the output stream does not report one (a pipe). */
export const FALLBACK_COLUMNS = 80;

/** The output's width in columns, updated when the terminal is resized. */
export function useTerminalWidth(): number {
  const { stdout } = useStdout();
  const [columns, setColumns] = useState(stdout.columns || FALLBACK_COLUMNS);
  useEffect(() => {
    const update = (): void => setColumns(stdout.columns || FALLBACK_COLUMNS);
    return onResize(stdout, update);
  }, [stdout]);
  return columns;
}
