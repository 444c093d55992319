import { describe, expect, it } from 'vitest';
import { kCommand } from '../../../src/ui/commands/k-command.js';
import { createMockCommandContext } from '../../helpers/mock-command-context.js';

describe('kCommand', () => {
  it('sets the passages per question', async () => {
    const context = createMockCommandContext();
    expect(await kCommand.action(context, '8')).toEqual({
      type: 'message',
      text: 'passages per question: 8',
    });
    expect(context.setKCalls).toEqual([8]);
  });

  it.each(['0', '51', 'ten', '2.5'])('rejects %s', async (args) => {
    const context = createMockCommandContext();
    expect(await kCommand.action(context, args)).toEqual({
      type: 'message',
      tone: 'error',
      text: `k must be an integer from 1 to 50 (got "${args}")`,
    });
    expect(context.setKCalls).toEqual([]);
  });

  it('shows the current value without an argument', async () => {
    const context = createMockCommandContext({ k: 12 });
    expect(await kCommand.action(context, '')).toEqual({
      type: 'message',
      text: 'passages per question: 12',
    });
    expect(await kCommand.action(createMockCommandContext(), '')).toEqual({
      type: 'message',
      text: 'passages per question: 5 (the configured default)',
    });
  });
});
