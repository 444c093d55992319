import { render } from 'ink';
import type { Footnote } from '../../footnote-types.js';
import { App } from '../../ui/App.js';
import type { TerminalCapabilities } from '../../ui/terminal-context.js';
import { stripPastedControlsOnRead } from '../strip-pasted-controls.js';

/** Asks the terminal to wrap pasted text in markers, so a pasted block is not sent line by line. */
const BRACKETED_PASTE_ON = '\u001B[?2004h';
const BRACKETED_PASTE_OFF = '\u001B[?2004l';

/** How the chat opens. */
export interface ChatOptions {
  /** Build the index first (there is none yet). */
  indexOnStart: boolean;
  terminal: TerminalCapabilities;
  /** The corpus folder as the status line names it. */
  corpusLabel: string;
}

/**
 * Opens the interactive chat on this terminal and resolves when the user
 * leaves it. Ctrl+C is the chat's own key (it cancels an answer first), so
 * Ink's exit on Ctrl+C is off. The caller still owns `footnote` and closes it.
 */
export async function runChat(footnote: Footnote, options: ChatOptions): Promise<void> {
  const stdout = process.stdout;
  const pasteOff = (): void => {
    stdout.write(BRACKETED_PASTE_OFF);
  };
  stdout.write(BRACKETED_PASTE_ON);
  // A crash must not leave the user's shell with bracketed paste on.
  process.once('exit', pasteOff);
  stripPastedControlsOnRead(process.stdin);
  try {
    const instance = render(
      <App
        footnote={footnote}
        indexOnStart={options.indexOnStart}
        terminal={options.terminal}
        corpusLabel={options.corpusLabel}
      />,
      { exitOnCtrlC: false },
    );
    await instance.waitUntilExit();
  } finally {
    process.off('exit', pasteOff);
    pasteOff();
  }
}
