import type { SlashCommand } from './types.js';

/** `/sources`: shows every passage the last answer cites, in full. */
export const sourcesCommand: SlashCommand = {
  name: 'sources',
  description: 'Show every passage of the last answer in full',
  action: (context) => {
    const answer = context.lastAnswer;
    if (answer === null) {
      return { type: 'message', tone: 'error', text: 'no answer yet; ask a question first' };
    }
    if (answer.citations.length === 0) {
      return { type: 'message', text: 'the last answer cites no passages' };
    }
    return { type: 'sources' };
  },
};
