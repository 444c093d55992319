import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

/** Width used when the output stream does not report one (a pipe). */
export const FALLBACK_COLUMNS = 80;

/** The output's width in columns, updated when the terminal is resized. */
export function useTerminalWidth(): number {
  const { stdout } = useStdout();
  const [columns, setColumns] = useState(stdout.columns || FALLBACK_COLUMNS);
  useEffect(() => {
    const update = (): void => setColumns(stdout.columns || FALLBACK_COLUMNS);
    stdout.on('resize', update);
    return () => {
      stdout.off('resize', update);
    };
  }, [stdout]);
  return columns;
}
