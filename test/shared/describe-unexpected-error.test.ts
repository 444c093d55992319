import { describe, expect, it } from 'vitest';
import { describeUnexpectedError, MAX_UNEXPECTED_ERROR_CHARS } from '../../src/shared/describe-unexpected-error.js';

describe('describeUnexpectedError', () => {
  it('says the first line of the message of an error footnote does not know', () => {
    expect(describeUnexpectedError(new Error('boom\n    at somewhere'))).toBe('unexpected error: boom');
    expect(describeUnexpectedError('thrown text')).toBe('unexpected error: thrown text');
  });

  it('cuts a long line to 300 characters, ending in an ellipsis', () => {
    expect(MAX_UNEXPECTED_ERROR_CHARS).toBe(300);
    const line = describeUnexpectedError(new Error('x'.repeat(100_000)));
    expect(line).toBe(`unexpected error: ${'x'.repeat(299)}…`);
    expect(describeUnexpectedError(new Error('y'.repeat(300)))).toBe(`unexpected error: ${'y'.repeat(300)}`);
  });

  it('never cuts a character in half', () => {
    const line = describeUnexpectedError(new Error(`${'x'.repeat(298)}😀😀😀`));
    expect(line).toBe(`unexpected error: ${'x'.repeat(298)}😀…`);
    expect(describeUnexpectedError(new Error('😀'.repeat(300)))).toBe(`unexpected error: ${'😀'.repeat(300)}`);
    expect(describeUnexpectedError(new Error(`${'😀'.repeat(300)}abc`))).toBe(`unexpected error: ${'😀'.repeat(299)}…`);
  });

  it('shows control characters instead of sending them to the terminal', () => {
    expect(describeUnexpectedError(new Error('bad \u001b]0;title\u0007 value'))).toBe('unexpected error: bad ^[]0;title^G value');
  });
});
