import { clearCommand } from '../ui/commands/clear-command.js';
import { describeCommands } from '../ui/commands/help-command.js';
import { kCommand } from '../ui/commands/k-command.js';
import { quitCommand } from '../ui/commands/quit-command.js';
import type { SlashCommand } from '../ui/commands/types.js';

/*
 * The slash commands of piped input. They are the chat app's command objects
 * (pure data and functions, no Ink), so /k is checked by the same code; the
 * commands that show passages or re-index need the app and are not here.
 */

/** `/help` for piped input: what a line may be. */
const lineHelpCommand: SlashCommand = {
  name: 'help',
  description: 'List the commands',
  action: (context) => ({
    type: 'message',
    text: ['One question per line, answered with citations. Lines that start with / are commands:', ...describeCommands(context.commands)].join('\n'),
  }),
};

/** The commands piped input takes, in the order `/help` lists them. */
export const LINE_COMMANDS: readonly SlashCommand[] = [
  lineHelpCommand,
  kCommand,
  { ...clearCommand, description: 'Forget the conversation: the next question is not a follow-up' },
  { ...quitCommand, description: 'Stop reading input' },
];
