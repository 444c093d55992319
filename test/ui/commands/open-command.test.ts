import { describe, expect, it } from 'vitest';
import type { Answer } from '../../../src/shared/types.js';
import { openCommand } from '../../../src/ui/commands/open-command.js';
import { makeCitation } from '../../helpers/fake-footnote.js';
import { createMockCommandContext } from '../../helpers/mock-command-context.js';

const lastAnswer: Answer = {
  question: 'q?',
  answer: 'a [1] [2]',
  mode: 'extractive',
  model: null,
  abstained: false,
  citations: [makeCitation({ id: 1 }), makeCitation({ id: 2 })],
};

describe('openCommand', () => {
  it('opens a citation of the last answer', async () => {
    const context = createMockCommandContext({ lastAnswer });
    expect(await openCommand.action(context, '2')).toEqual({ type: 'open', citationId: 2 });
  });

  it('names the citations there are when n is not one of them', async () => {
    const context = createMockCommandContext({ lastAnswer });
    expect(await openCommand.action(context, '5')).toEqual({
      type: 'message',
      tone: 'error',
      text: 'no citation [5]; the last answer cites [1], [2]',
    });
  });

  it('shows the usage for a missing or non-numeric n', async () => {
    const context = createMockCommandContext({ lastAnswer });
    expect(await openCommand.action(context, 'two')).toEqual({
      type: 'message',
      tone: 'error',
      text: 'usage: /open <n> (got "two")',
    });
  });

  it('says to ask first when there is no answer yet', async () => {
    expect(await openCommand.action(createMockCommandContext(), '1')).toEqual({
      type: 'message',
      tone: 'error',
      text: 'no answer yet; ask a question first',
    });
  });
});
