import { describe, expect, it } from 'vitest';
import { kCommand } from '../../../src/ui/commands/k-command.js';
import { quitCommand } from '../../../src/ui/commands/quit-command.js';
import { runSlashCommand } from '../../../src/ui/commands/run-slash-command.js';
import { createMockCommandContext } from '../../helpers/mock-command-context.js';

describe('runSlashCommand', () => {
  it('runs a command that takes no arguments when it gets none', async () => {
    expect(await runSlashCommand(quitCommand, createMockCommandContext(), '')).toEqual({ type: 'quit' });
  });

  it('refuses words after a command that takes none, instead of running it', async () => {
    expect(await runSlashCommand(quitCommand, createMockCommandContext(), 'after this one')).toEqual({
      type: 'message',
      tone: 'error',
      text: '/quit takes no arguments (got "after this one")',
    });
  });

  it('passes the arguments to a command that takes some', async () => {
    const context = createMockCommandContext();
    await runSlashCommand(kCommand, context, '8');
    expect(context.setKCalls).toEqual([8]);
  });
});
