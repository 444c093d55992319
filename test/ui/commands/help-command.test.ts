import { describe, expect, it } from 'vitest';
import { helpCommand } from '../../../src/ui/commands/help-command.js';
import { createMockCommandContext } from '../../helpers/mock-command-context.js';

describe('helpCommand', () => {
  it('lists every command with its usage and aliases', async () => {
    const result = await helpCommand.action(createMockCommandContext(), '');
    expect(result.type).toBe('message');
    const text = result.type === 'message' ? result.text : '';
    expect(text).toContain('/open <n> — Show passage n of the last answer with the lines around it');
    expect(text).toContain('/quit (/exit) — Leave the chat');
    expect(text).toContain('/reindex [full] — ');
    expect(text).toContain('Ctrl+D on an empty line quits');
    expect(text).toContain('Enter while an answer streams or the index builds queues the line');
  });
});
