import type { CommandModule } from 'yargs';
import os from 'node:os';
import { createFootnote } from '../../footnote.js';
import { FootnoteError } from '../../shared/errors.js';
import { describeFolder } from '../describe-folder.js';
import { detectTerminal } from '../detect-terminal.js';
import { resolveConfig, withGlobalOptions, type GlobalArgs } from '../global-options.js';
import { leaveInkCiMode } from '../leave-ink-ci-mode.js';
import { runLineChat } from '../line-chat.js';

/**
 * `footnote`: the chat app on the corpus. A missing index is built first, with
 * progress; a stale one is left for the user to `/reindex` (the chat says so)
 * rather than making them wait before the first question. Without a terminal (piped stdin or stdout) it reads one
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
        const summary = await runLineChat(footnote, process.stdin, process.stdout, process.stderr);
        // A script must learn that something failed without reading stderr.
        if (summary.failedQuestions > 0 || summary.rejectedCommands > 0) {
          throw new FootnoteError('LINES_FAILED', { ...summary });
        }
        return;
      }
      const status = await footnote.status();
      // Before leaving Ink's CI mode: a CI job's terminal gets no hyperlinks.
      const terminal = detectTerminal(process.env, process.stdout);
      leaveInkCiMode(process.env);
      // Loaded on demand so that `ask` and `index` never pay for React and Ink.
      const { runChat } = await import('./chat-command.js');
      await runChat(footnote, {
        // An outdated index cannot answer at all, so it is rebuilt at once.
        indexOnStart: !status.exists || status.outdated,
        terminal,
        corpusLabel: describeFolder(footnote.corpusDir, process.cwd(), os.homedir()),
      });
    } finally {
      footnote.close();
    }
  },
};
