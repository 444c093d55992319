import type { CommandModule } from 'yargs';
import { createFootnote } from '../../footnote.js';
import { resolveConfig, withGlobalOptions, type GlobalArgs } from '../global-options.js';
import { leaveInkCiMode } from '../leave-ink-ci-mode.js';
import { runLineChat } from '../line-chat.js';

/**
 * `footnote`: the chat app on the corpus, indexing it first when the index is
 * missing or stale. Without a terminal (piped stdin or stdout) it reads one
 * question per line and prints plain answers instead of drawing the Ink app.
 */
export const defaultCommand: CommandModule<object, GlobalArgs> = {
  command: '$0',
  describe: 'Open the chat app on the corpus (indexes it first if needed)',
  builder: (argv) => withGlobalOptions(argv),
  handler: async (args) => {
    const footnote = createFootnote(resolveConfig(args));
    try {
      if (!process.stdin.isTTY || !process.stdout.isTTY) {
        await runLineChat(footnote, process.stdin, process.stdout, process.stderr);
        return;
      }
      const status = await footnote.status();
      leaveInkCiMode(process.env);
      // Loaded on demand so that `ask` and `index` never pay for React and Ink.
      const { runChat } = await import('./chat-command.js');
      await runChat(footnote, { indexOnStart: !status.exists || status.stale });
    } finally {
      footnote.close();
    }
  },
};
