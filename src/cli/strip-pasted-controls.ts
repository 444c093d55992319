import type { Readable } from 'node:stream';

/**
 * Control sequences that no key sends but pasted terminal output carries:
 * colours and styles (SGR, `ESC[31m`), erasing (`ESC[K`), mode switches
 * (`ESC[?25h`), cursor save and scroll region, and operating-system commands
 * (`ESC]0;title BEL`, links) whole, text and all. Ink 6 reads each as a Ctrl key
 * without a name and throws on it, which ended the chat.
 */
const PASTED_CONTROL = /\u001B\[[?>=]?[\d;:]*[mJKhlnrst]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)/gu;

/** `text` without the control sequences a paste may carry; keys (arrows, F-keys, Delete) stay. */
export function stripPastedControls(text: string): string {
  return text.replace(PASTED_CONTROL, '');
}

/**
 * Makes `stdin.read()`, which Ink reads keys with, drop pasted control
 * sequences. A sequence split across two reads passes; pastes arrive whole in
 * practice.
 */
export function stripPastedControlsOnRead(stdin: Readable): void {
  const read = stdin.read.bind(stdin);
  stdin.read = (size?: number): unknown => {
    const chunk: unknown = read(size);
    if (typeof chunk === 'string') return stripPastedControls(chunk);
    if (Buffer.isBuffer(chunk)) return Buffer.from(stripPastedControls(chunk.toString('utf8')), 'utf8');
    return chunk;
  };
}
