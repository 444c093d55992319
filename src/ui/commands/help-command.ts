import type { SlashCommand } from './types.js';

/** `/help`: lists every command with its usage and what it does. */
export const helpCommand: SlashCommand = {
  name: 'help',
  description: 'List the commands',
  action: (context) => {
    const lines = context.commands.map((command) => {
      const usage = command.usage === undefined ? '' : ` ${command.usage}`;
      const aliases = (command.aliases ?? []).map((alias) => ` (/${alias})`).join('');
      return `/${command.name}${usage}${aliases} — ${command.description}`;
    });
    return {
      type: 'message',
      text: ['Type a question and press Enter. Commands:', ...lines].join('\n'),
    };
  },
};
