import { describe, expect, it } from 'vitest';
import { BUILTIN_COMMANDS } from '../../../src/ui/commands/builtin-commands.js';
import { openCommand } from '../../../src/ui/commands/open-command.js';
import { parseSlashCommand } from '../../../src/ui/commands/parse-slash-command.js';
import { quitCommand } from '../../../src/ui/commands/quit-command.js';

describe('parseSlashCommand', () => {
  it('splits a command into its name and arguments', () => {
    expect(parseSlashCommand('/open 3', BUILTIN_COMMANDS)).toEqual({
      type: 'command',
      name: 'open',
      args: '3',
      command: openCommand,
    });
  });

  it('matches names case-insensitively and by alias', () => {
    expect(parseSlashCommand('/EXIT', BUILTIN_COMMANDS)).toMatchObject({
      type: 'command',
      name: 'exit',
      args: '',
      command: quitCommand,
    });
  });

  it('returns null for a question', () => {
    expect(parseSlashCommand('what is /open?', BUILTIN_COMMANDS)).toBeNull();
  });

  it('answers an unknown name with the list of commands', () => {
    expect(parseSlashCommand('/frobnicate now', BUILTIN_COMMANDS)).toEqual({
      type: 'unknown',
      name: 'frobnicate',
      args: 'now',
      message:
        'unknown command /frobnicate; try /help, /open, /sources, /k, /reindex, /clear, /quit',
    });
  });
});
