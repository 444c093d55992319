import { K_RANGE } from '../../config/config-schema.js';
import type { SlashCommand } from './types.js';

const MAX_K = K_RANGE.max;

/** `/k n`: sets how many passages each question retrieves (1..50). */
export const kCommand: SlashCommand = {
  name: 'k',
  description: `Set passages retrieved per question (1-${MAX_K})`,
  usage: '<n>',
  action: (context, args) => {
    const wanted = args.trim();
    if (wanted === '') {
      const current = context.k === null ? `${context.defaultK} (the configured default)` : String(context.k);
      return { type: 'message', text: `passages per question: ${current}` };
    }
    const k = /^\d+$/.test(wanted) ? Number(wanted) : Number.NaN;
    if (!(k >= 1 && k <= MAX_K)) {
      return {
        type: 'message',
        tone: 'error',
        text: `k must be an integer from 1 to ${MAX_K} (got "${wanted}")`,
      };
    }
    context.setK(k);
    return { type: 'message', text: `passages per question: ${k}` };
  },
};
