import type { SlashCommand } from './types.js';

/** `/reindex`: indexes changed files; `/reindex full` rebuilds the index. */
export const reindexCommand: SlashCommand = {
  name: 'reindex',
  description: 'Re-index changed files (/reindex full rebuilds)',
  usage: '[full]',
  action: (_context, args) => {
    const mode = args.trim().toLowerCase();
    if (mode === '') return { type: 'reindex', full: false };
    if (mode === 'full') return { type: 'reindex', full: true };
    return {
      type: 'message',
      tone: 'error',
      text: `usage: /reindex [full] (got "${args.trim()}")`,
    };
  },
};
