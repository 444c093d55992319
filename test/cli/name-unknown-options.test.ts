import { describe, expect, it } from 'vitest';
import { nameUnknownOptions } from '../../src/cli/name-unknown-options.js';

describe('nameUnknownOptions', () => {
  it('names unknown options as they were typed', () => {
    expect(nameUnknownOptions('Unknown argument: bogus', ['--bogus'])).toBe('unknown option --bogus');
    expect(nameUnknownOptions('Unknown arguments: x, deep', ['ask', 'q', '-x', '--deep=3'])).toBe('unknown options -x, --deep');
  });

  it("leaves yargs's words alone when one was not an option, or came after --", () => {
    expect(nameUnknownOptions('Unknown argument: extra', ['ask', 'q', 'extra'])).toBe('Unknown argument: extra');
    expect(nameUnknownOptions('Unknown argument: weird', ['ask', '--', '--weird'])).toBe('Unknown argument: weird');
    expect(nameUnknownOptions('Not enough non-option arguments: got 0, need at least 1', [])).toBe(
      'Not enough non-option arguments: got 0, need at least 1',
    );
  });
});
