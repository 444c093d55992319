import { describe, expect, it } from 'vitest';
import { rejectMissingValues } from '../../src/cli/reject-missing-values.js';
import { FootnoteError } from '../../src/shared/errors.js';

function errorOf(run: () => void): string {
  try {
    run();
  } catch (error) {
    if (FootnoteError.isInstance(error)) return `${error.code}: ${error.message} | ${error.hint}`;
    throw error;
  }
  return 'no error';
}

describe('rejectMissingValues', () => {
  it.each([
    [['ask', 'Who?', '--k']],
    [['ask', 'Who?', '--k', '--json']],
    [['ask', 'Who?', '--k=']],
    [['ask', '--k', '--', 'Who?']],
  ])('says an option needs a value when none follows it: %j', (argv) => {
    const parsed = { _: ['ask'], k: '', question: ['Who?'] };
    expect(errorOf(() => rejectMissingValues(parsed, argv))).toBe(
      'OPTION_VALUE_MISSING: --k needs a value | put one after it (--k 8), or leave the option out',
    );
  });

  it('names the option as typed, with an example of its value', () => {
    const parsed = { _: [], 'chunk-size': '', chunkSize: '' };
    expect(errorOf(() => rejectMissingValues(parsed, ['index', '--chunk-size']))).toBe(
      'OPTION_VALUE_MISSING: --chunk-size needs a value | put one after it (--chunk-size 1000), or leave the option out',
    );
    const aliased = { _: ['ask'], model: '', 'chat-model': '' };
    expect(errorOf(() => rejectMissingValues(aliased, ['ask', 'Who?', '--chat-model']))).toBe(
      'OPTION_VALUE_MISSING: --chat-model needs a value | put one after it (--chat-model llama3.2), or leave the option out',
    );
  });

  it('lets values, booleans and the words after -- through', () => {
    expect(errorOf(() => rejectMissingValues({ _: [], k: '3', json: true }, ['--k', '3', '--json']))).toBe('no error');
    expect(errorOf(() => rejectMissingValues({ _: [], '--': ['--k'] }, ['--', '--k']))).toBe('no error');
  });
});
