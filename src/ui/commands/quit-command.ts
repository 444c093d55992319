import type { SlashCommand } from './types.js';

/** `/quit` (or `/exit`): leaves the chat, at once even mid-answer (it is never queued). */
export const quitCommand: SlashCommand = {
  name: 'quit',
  aliases: ['exit'],
  description: 'Leave the chat',
  immediate: true,
  action: () => ({ type: 'quit' }),
};
