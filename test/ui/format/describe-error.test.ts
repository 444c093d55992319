import { describe, expect, it } from 'vitest';
import { FootnoteError } from '../../../src/shared/errors.js';
import { describeError } from '../../../src/ui/format/describe-error.js';

describe('describeError', () => {
  it('keeps the message and hint of a FootnoteError', () => {
    expect(describeError(new FootnoteError('PROVIDER_NOT_CONFIGURED'))).toEqual({
      message: 'the openai provider needs OPENAI_API_KEY',
      hint: 'export OPENAI_API_KEY (and OPENAI_BASE_URL for a local server), or use --provider local',
    });
  });

  it('names /reindex, not `footnote index`, in the hints of index errors', () => {
    expect(describeError(new FootnoteError('INDEX_NOT_FOUND', { path: 'embeddings' }))).toEqual({
      message: 'no index in embeddings',
      hint: 'type /reindex to build it',
    });
    const mismatch = new FootnoteError('EMBEDDER_MISMATCH', {
      indexed: 'openai:m@1:64',
      current: 'openai:m@1:48',
    });
    expect(describeError(mismatch).hint).toBe(
      'type /reindex full to rebuild with the current embedder, or restart footnote with the --provider (and --embedding-model) the index was built with',
    );
    for (const code of ['INDEX_NOT_FOUND', 'INDEX_EMPTY', 'INDEX_CORRUPT', 'EMBEDDER_MISMATCH', 'TOKENIZER_MISMATCH'] as const) {
      expect(describeError(new FootnoteError(code, { path: 'x', detail: 'y', indexed: '1', current: '2' })).hint).not.toContain('footnote index');
    }
  });

  it('marks anything else as unexpected, in one line of at most 300 characters', () => {
    expect(describeError(new Error('boom'))).toEqual({
      message: 'unexpected error: boom',
      hint: null,
    });
    expect(describeError(new Error(`${'x'.repeat(100_000)}\nsecond line`)).message).toBe(`unexpected error: ${'x'.repeat(299)}…`);
  });
});
