import { measureElement, type DOMElement } from 'ink';
import { useLayoutEffect, useReducer, type RefObject } from 'react';
import { useTerminalRows } from './use-terminal-rows.js';

/**
 * Rows of the terminal left for the growing part of the live region (the
 * streaming answer) once the rest of it, the element `rest` holds, is drawn;
 * `undefined` when the output reports no height (a pipe).
 *
 * Why: Ink redraws its live region in place only while it is shorter than
 * the terminal. From as tall on, every frame clears the screen and its
 * scrollback and prints the whole conversation again: the answer flickers,
 * and a long chat costs a screenful of output per token. gemini-cli measures
 * its footer for the same reason (`availableTerminalHeight`).
 */
export function useRowsLeft(rest: RefObject<DOMElement | null>): number | undefined {
  const rows = useTerminalRows();
  // The latest measurement; the same height again changes nothing, so measuring settles at once.
  const [restHeight, measured] = useReducer((_previous: number, height: number) => height, 0);
  // After every render of the chat, while Ink's layout is fresh: a queued line
  // or a retry notice comes and goes, the input line grows as the user types
  // (seen at the next streamed text, which renders the chat again).
  useLayoutEffect(() => {
    if (rest.current !== null) measured(measureElement(rest.current).height);
  });
  if (rows === undefined) return undefined;
  // One row stays free: Ink ends its output with a line break.
  return Math.max(1, rows - 1 - restHeight);
}
