import { describe, expect, it } from 'vitest';
import { createEmbedderSession } from '../../src/embed/embedder-session.js';
import { FootnoteError } from '../../src/shared/errors.js';
import { FakeEmbedder } from '../helpers/fake-embedder.js';

const mismatch = (indexed: string, current: string) => new FootnoteError('EMBEDDER_MISMATCH', { indexed, current });

describe('createEmbedderSession', () => {
  it('keeps one embedder for searching and indexing', async () => {
    const session = createEmbedderSession({ provider: 'local' }, undefined);
    const searching = await session.forSearch(null);
    expect(await session.forSearch(null)).toBe(searching);
    expect(await session.forIndexing(false)).toBe(searching);
  });

  it('forgets the embedder after a mismatch of one model with itself, and only then', async () => {
    const session = createEmbedderSession({ provider: 'local' }, undefined);
    const first = await session.forSearch(null);
    expect(session.forgetOn(mismatch('openai:a@1/4', 'openai:b@1/4'))).toBe(false);
    expect(session.forgetOn(new Error('other'))).toBe(false);
    expect(await session.forSearch(null)).toBe(first);
    expect(session.forgetOn(mismatch('openai:a@1/48', 'openai:a@1/64'))).toBe(true);
    expect(await session.forSearch(null)).not.toBe(first);
  });

  it('never replaces an embedder it was given', async () => {
    const fixed = new FakeEmbedder();
    const session = createEmbedderSession({ provider: 'openai' }, undefined, fixed);
    expect(session.forgetOn(mismatch('fake@1/48', 'fake@1/64'))).toBe(false);
    expect(await session.forIndexing(true)).toBe(fixed);
    expect(await session.forSearch('fake@1/32')).toBe(fixed);
  });
});
