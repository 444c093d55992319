import { describe, expect, it } from 'vitest';
import { FootnoteError } from '../../../src/shared/errors.js';
import { describeError } from '../../../src/ui/format/describe-error.js';

describe('describeError', () => {
  it('keeps the message and hint of a FootnoteError', () => {
    expect(describeError(new FootnoteError('INDEX_NOT_FOUND', { path: 'embeddings' }))).toEqual({
      message: 'no index in embeddings',
      hint: 'run `footnote index` first',
    });
  });

  it('marks anything else as unexpected', () => {
    expect(describeError(new Error('boom'))).toEqual({
      message: 'unexpected error: boom',
      hint: null,
    });
  });
});
