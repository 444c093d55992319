import { describe, expect, it } from 'vitest';
import { rejectRepeatedOptions } from '../../src/cli/reject-repeated-options.js';
import { FootnoteError } from '../../src/shared/errors.js';

function messageOf(run: () => void): string {
  try {
    run();
  } catch (error) {
    if (FootnoteError.isInstance(error)) return `${error.code}: ${error.message}`;
    throw error;
  }
  return 'no error';
}

describe('rejectRepeatedOptions', () => {
  it('says an option was given twice, with both values', () => {
    const parsed = { _: ['ask'], k: ['3', '4'], question: 'Who?' };
    expect(messageOf(() => rejectRepeatedOptions(parsed, ['ask', 'Who?', '--k', '3', '--k', '4']))).toBe(
      'USAGE: --k was given twice ("3", "4"); give it once',
    );
  });

  it('names the option as typed, not the camel-case copy yargs keeps', () => {
    const parsed = { _: [], chunkSize: ['300', '400', '500'], 'chunk-size': ['300', '400', '500'] };
    const argv = ['--chunk-size=300', '--chunk-size', '400', '--chunk-size', '500'];
    expect(messageOf(() => rejectRepeatedOptions(parsed, argv))).toBe(
      'USAGE: --chunk-size was given 3 times ("300", "400", "500"); give it once',
    );
  });

  it('lets options given once and the words after -- through', () => {
    const parsed = { _: ['ask'], '--': ['--k', '--k'], k: '3', json: true };
    expect(messageOf(() => rejectRepeatedOptions(parsed, ['ask', '--k', '3', '--json', '--', '--k', '--k']))).toBe('no error');
  });
});
