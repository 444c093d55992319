import { describe, expect, it } from 'vitest';
import type { Answer } from '../../../src/shared/types.js';
import { sourcesCommand } from '../../../src/ui/commands/sources-command.js';
import { makeCitation } from '../../helpers/fake-footnote.js';
import { createMockCommandContext } from '../../helpers/mock-command-context.js';

const lastAnswer: Answer = {
  question: 'q?',
  answer: 'a [1] [2]',
  mode: 'extractive',
  model: null,
  abstained: false,
  citations: [
    makeCitation({ id: 1, score: 0.912 }),
    makeCitation({ id: 2, source: 'a.pdf', startLine: 7, endLine: 9, page: 2, score: 0.5 }),
  ],
};

describe('sourcesCommand', () => {
  it('lists the citations of the last answer with their scores', async () => {
    expect(await sourcesCommand.action(createMockCommandContext({ lastAnswer }), '')).toEqual({
      type: 'message',
      text: 'Sources:\n[1] notes.md:3-5  score 0.91\n[2] a.pdf:7-9 (p. 2)  score 0.50',
    });
  });

  it('calls them the closest passages after an abstention', async () => {
    const context = createMockCommandContext({ lastAnswer: { ...lastAnswer, abstained: true } });
    const result = await sourcesCommand.action(context, '');
    expect(result.type === 'message' && result.text.startsWith('Closest passages:\n')).toBe(true);
  });

  it('says to ask first when there is no answer yet', async () => {
    expect(await sourcesCommand.action(createMockCommandContext(), '')).toEqual({
      type: 'message',
      tone: 'error',
      text: 'no answer yet; ask a question first',
    });
  });
});
