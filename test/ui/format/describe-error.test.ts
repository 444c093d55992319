import { describe, expect, it } from 'vitest';
import { FootnoteError } from '../../../src/shared/errors.js';
import { describeError } from '../../../src/ui/format/describe-error.js';

describe('describeError', () => {
  it('keeps the message and hint of a FootnoteError', () => {
    expect(describeError(new FootnoteError('PROVIDER_RATE_LIMITED', { provider: 'openai', detail: '429' }))).toEqual({
      message: 'openai server is rate limiting requests: 429',
      hint: 'wait a minute and try again, or raise "maxRetries" in footnote.config.json',
    });
  });

  it('says that working offline means quitting and starting again with --provider local, where the CLI says to use it', () => {
    const facts = { provider: 'openai', detail: 'd', url: 'http://127.0.0.1:9/v1' };
    const codes = ['PROVIDER_NOT_CONFIGURED', 'PROVIDER_FAILED', 'PROVIDER_SERVER_ERROR', 'PROVIDER_AUTH_FAILED', 'PROVIDER_UNREACHABLE'] as const;
    for (const code of codes) {
      const error = new FootnoteError(code, facts);
      expect(error.hint, code).toContain('--provider local');
      const { hint } = describeError(error);
      expect(hint, code).toMatch(/\/quit, then start footnote again with --provider local to work offline$/);
      expect(hint, code).not.toContain('use --provider local');
    }
    expect(describeError(new FootnoteError('PROVIDER_UNREACHABLE', facts)).hint).toBe(
      'start the server or check OPENAI_BASE_URL and the network, then ask again; or /quit, then start footnote again with --provider local to work offline',
    );
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
