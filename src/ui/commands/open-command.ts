import type { SlashCommand } from './types.js';

/** `/open n`: shows the passage citation [n] of the last answer quotes, with the lines around it. */
export const openCommand: SlashCommand = {
  name: 'open',
  description: 'Show passage n of the last answer with the lines around it',
  usage: '<n>',
  action: (context, args) => {
    const answer = context.lastAnswer;
    if (answer === null) {
      return { type: 'message', tone: 'error', text: 'no answer yet; ask a question first' };
    }
    if (answer.citations.length === 0) {
      return { type: 'message', tone: 'error', text: 'the last answer cites no passages' };
    }
    const wanted = args.trim();
    if (!/^\d+$/.test(wanted)) {
      const got = wanted === '' ? 'nothing' : `"${wanted}"`;
      return { type: 'message', tone: 'error', text: `usage: /open <n> (got ${got})` };
    }
    const id = Number(wanted);
    if (!answer.citations.some((citation) => citation.id === id)) {
      const cited = answer.citations.map((citation) => `[${citation.id}]`).join(', ');
      return {
        type: 'message',
        tone: 'error',
        text: `no citation [${id}]; the last answer cites ${cited}`,
      };
    }
    return { type: 'open', citationId: id };
  },
};
