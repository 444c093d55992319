import { useStdin } from 'ink';
import { useEffect, useRef, type RefObject } from 'react';

/** Bracketed paste markers a terminal wraps pasted text in (after `CSI ?2004h`). */
export const PASTE_START = '\u001B[200~';
export const PASTE_END = '\u001B[201~';
/** The Delete key (forward delete); Backspace sends DEL (0x7f). Ink names both `delete`. */
const FORWARD_DELETE = /^\u001B\[3[~$^;]/;

/** What the raw input says about the key `useInput` is about to report. */
export interface RawInput {
  /** Between the paste markers: newlines are text, not Enter. */
  pasting: boolean;
  /** The key is a paste marker, which `useInput` would report as text (`[200~`). */
  marker: boolean;
  /** The key is the Delete key rather than Backspace. */
  forwardDelete: boolean;
}

/**
 * Watches the raw input Ink parses, which `useInput` flattens: bracketed paste
 * markers, and Delete apart from Backspace. Call it before `useInput` in the
 * same component so this listener hears each sequence first.
 */
export function useRawInput(): RefObject<RawInput> {
  const { internal_eventEmitter: events } = useStdin();
  const rawRef = useRef<RawInput>({ pasting: false, marker: false, forwardDelete: false });
  useEffect(() => {
    const listen = (data: string): void => {
      const raw = rawRef.current;
      raw.marker = data === PASTE_START || data === PASTE_END;
      if (data === PASTE_START) raw.pasting = true;
      if (data === PASTE_END) raw.pasting = false;
      raw.forwardDelete = FORWARD_DELETE.test(data);
    };
    events.on('input', listen);
    return () => {
      events.off('input', listen);
    };
  }, [events]);
  return rawRef;
}
