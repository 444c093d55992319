import { useStdout } from 'ink';
import { useEffect, useState } from 'react';
import { onResize } from './on-resize.js';

/** The output's height in rows, updated when the terminal is resized; `undefined` for a pipe. */
export function useTerminalRows(): number | undefined {
  const { stdout } = useStdout();
  const read = (): number | undefined => (stdout.rows !== undefined && stdout.rows > 0 ? stdout.rows : undefined);
  const [rows, setRows] = useState(read);
  useEffect(() => {
    const update = (): void => setRows(stdout.rows !== undefined && stdout.rows > 0 ? stdout.rows : undefined);
    return onResize(stdout, update);
  }, [stdout]);
  return rows;
}
