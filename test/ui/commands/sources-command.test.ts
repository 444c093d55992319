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
  it('asks the chat to show every passage of the last answer', async () => {
    expect(await sourcesCommand.action(createMockCommandContext({ lastAnswer }), '')).toEqual({
      type: 'sources',
    });
  });

  it('says so when the last answer cites nothing', async () => {
    const context = createMockCommandContext({ lastAnswer: { ...lastAnswer, citations: [] } });
    expect(await sourcesCommand.action(context, '')).toEqual({
      type: 'message',
      text: 'the last answer cites no passages',
    });
  });

  it('says to ask first when there is no answer yet', async () => {
    expect(await sourcesCommand.action(createMockCommandContext(), '')).toEqual({
      type: 'message',
      tone: 'error',
      text: 'no answer yet; ask a question first',
    });
  });
});
