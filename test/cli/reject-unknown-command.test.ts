import { describe, expect, it } from 'vitest';
import { rejectUnknownCommand } from '../../src/cli/reject-unknown-command.js';
import { FootnoteError } from '../../src/shared/errors.js';

const COMMANDS = ['index', 'ask', 'eval'];

function failure(run: () => void): FootnoteError | undefined {
  try {
    run();
  } catch (error) {
    if (FootnoteError.isInstance(error)) return error;
    throw error;
  }
  return undefined;
}

describe('rejectUnknownCommand', () => {
  it('names an unknown command and lists the commands', () => {
    const error = failure(() => rejectUnknownCommand({ _: ['frobnicate'] }, COMMANDS));
    expect([error?.code, error?.exitCode, error?.message]).toEqual([
      'UNKNOWN_COMMAND',
      2,
      'unknown command "frobnicate"; the commands are index, ask, eval',
    ]);
    expect(error?.hint).toContain('footnote ask "…"');
  });

  it('suggests the command a typo resembles', () => {
    expect(failure(() => rejectUnknownCommand({ _: ['indx'] }, COMMANDS))?.hint).toBe('did you mean `footnote index`?');
  });

  it('lets the chat (no words) and every command through, whatever follows them', () => {
    expect(failure(() => rejectUnknownCommand({ _: [] }, COMMANDS))).toBeUndefined();
    expect(failure(() => rejectUnknownCommand({ _: ['ask', 'extra'] }, COMMANDS))).toBeUndefined();
  });
});
