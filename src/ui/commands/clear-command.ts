import type { SlashCommand } from './types.js';

/** `/clear`: empties the conversation on screen (the index is untouched). */
export const clearCommand: SlashCommand = {
  name: 'clear',
  description: 'Clear the conversation on screen',
  action: () => ({ type: 'clear' }),
};
