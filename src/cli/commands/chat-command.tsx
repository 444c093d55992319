import { render } from 'ink';
import type { Footnote } from '../../footnote-types.js';
import { App } from '../../ui/App.js';

/**
 * Opens the interactive chat on this terminal and resolves when the user
 * leaves it. Ctrl+C is the chat's own key (it cancels an answer first), so
 * Ink's exit on Ctrl+C is off. The caller still owns `footnote` and closes it.
 */
export async function runChat(
  footnote: Footnote,
  options: { indexOnStart: boolean },
): Promise<void> {
  const instance = render(<App footnote={footnote} indexOnStart={options.indexOnStart} />, {
    exitOnCtrlC: false,
  });
  await instance.waitUntilExit();
}
