import type { SlashCommand } from './types.js';

/** `/clear`: starts a new conversation: the screen, earlier turns and the last answer go (the index is untouched). */
export const clearCommand: SlashCommand = {
  name: 'clear',
  description: 'Start a new conversation (clears the screen)',
  action: () => ({ type: 'clear' }),
};
