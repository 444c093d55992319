import type { SlashCommand } from './types.js';

/** `/quit` (or `/exit`): leaves the chat. */
export const quitCommand: SlashCommand = {
  name: 'quit',
  aliases: ['exit'],
  description: 'Leave the chat',
  action: () => ({ type: 'quit' }),
};
