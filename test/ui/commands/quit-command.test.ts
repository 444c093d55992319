import { describe, expect, it } from 'vitest';
import { quitCommand } from '../../../src/ui/commands/quit-command.js';
import { createMockCommandContext } from '../../helpers/mock-command-context.js';

describe('quitCommand', () => {
  it('asks the chat to quit', async () => {
    expect(await quitCommand.action(createMockCommandContext(), '')).toEqual({ type: 'quit' });
  });

  it('is also called exit', () => {
    expect(quitCommand.aliases).toEqual(['exit']);
  });
});
