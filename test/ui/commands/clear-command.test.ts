import { describe, expect, it } from 'vitest';
import { clearCommand } from '../../../src/ui/commands/clear-command.js';
import { createMockCommandContext } from '../../helpers/mock-command-context.js';

describe('clearCommand', () => {
  it('asks the chat to clear the screen', async () => {
    expect(await clearCommand.action(createMockCommandContext(), '')).toEqual({ type: 'clear' });
  });
});
