import { describe, expect, it } from 'vitest';
import { FootnoteError } from '../../src/shared/errors.js';

describe('EMBEDDER_MISMATCH', () => {
  it('names each embedder by model and vector length, not as the stored identity', () => {
    const error = new FootnoteError('EMBEDDER_MISMATCH', { indexed: 'openai:org/m@1/16', current: 'openai:org/m@1/24' });
    expect(error.message).toBe(
      'the index was built with embedder openai:org/m (16-dimensional vectors), but this run uses openai:org/m (24-dimensional vectors)',
    );
  });

  it('shows the versions when they are the difference', () => {
    const error = new FootnoteError('EMBEDDER_MISMATCH', { indexed: 'local-hash@1/1024', current: 'local-hash@2/1024' });
    expect(error.message).toBe(
      'the index was built with embedder local-hash version 1 (1024-dimensional vectors), but this run uses local-hash version 2 (1024-dimensional vectors)',
    );
  });

  it('shows an identity in another form as it is', () => {
    expect(new FootnoteError('EMBEDDER_MISMATCH', { indexed: 'local@1', current: 'openai:x@1/8' }).message).toBe(
      'the index was built with embedder local@1, but this run uses openai:x (8-dimensional vectors)',
    );
  });
});
