import { describe, expect, it } from 'vitest';
import { reindexCommand } from '../../../src/ui/commands/reindex-command.js';
import { createMockCommandContext } from '../../helpers/mock-command-context.js';

describe('reindexCommand', () => {
  it('updates what changed by default', async () => {
    expect(await reindexCommand.action(createMockCommandContext(), '')).toEqual({
      type: 'reindex',
      full: false,
    });
  });

  it('rebuilds with full', async () => {
    expect(await reindexCommand.action(createMockCommandContext(), ' full ')).toEqual({
      type: 'reindex',
      full: true,
    });
  });

  it('rejects other arguments with the usage', async () => {
    expect(await reindexCommand.action(createMockCommandContext(), 'fast')).toEqual({
      type: 'message',
      tone: 'error',
      text: 'usage: /reindex [full] (got "fast")',
    });
  });
});
