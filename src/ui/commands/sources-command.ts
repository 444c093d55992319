import { formatCitationLabel } from '../format/format-citation-label.js';
import type { SlashCommand } from './types.js';

/** `/sources`: lists the passages the last answer cites. */
export const sourcesCommand: SlashCommand = {
  name: 'sources',
  description: 'List the citations of the last answer',
  action: (context) => {
    const answer = context.lastAnswer;
    if (answer === null) {
      return { type: 'message', tone: 'error', text: 'no answer yet; ask a question first' };
    }
    if (answer.citations.length === 0) {
      return { type: 'message', text: 'the last answer cites no passages' };
    }
    const heading = answer.abstained ? 'Closest passages:' : 'Sources:';
    const lines = answer.citations.map(
      (citation) => `${formatCitationLabel(citation)}  score ${citation.score.toFixed(2)}`,
    );
    return { type: 'message', text: [heading, ...lines].join('\n') };
  },
};
