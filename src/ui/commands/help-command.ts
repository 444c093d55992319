import type { SlashCommand } from './types.js';

/** The keys, listed under the commands. */
export const KEY_HELP: readonly string[] = [
  'Keys:',
  '↑ ↓ earlier questions · ← → Home End (Ctrl+A, Ctrl+E) move · Alt+← → by word',
  'Ctrl+W delete a word · Ctrl+U to the start · Ctrl+K to the end',
  'Enter while an answer streams or the index builds queues the line: it runs next, in order (/quit never waits)',
  'Ctrl+C cancel an answer or indexing, queued lines back to the input; again to quit · Ctrl+D on an empty line quits',
];

/** `/help`: lists every command with its usage and what it does, then the keys. */
export const helpCommand: SlashCommand = {
  name: 'help',
  description: 'List the commands',
  action: (context) => ({
    type: 'message',
    text: ['Type a question and press Enter. Commands:', ...describeCommands(context.commands), ...KEY_HELP].join('\n'),
  }),
};

/** One line per command: `/name <usage> (/alias) — description`; piped input's /help lists its own with it. */
export function describeCommands(commands: readonly SlashCommand[]): string[] {
  return commands.map((command) => {
    const usage = command.usage === undefined ? '' : ` ${command.usage}`;
    const aliases = (command.aliases ?? []).map((alias) => ` (/${alias})`).join('');
    return `/${command.name}${usage}${aliases} — ${command.description}`;
  });
}
