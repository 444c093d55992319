import { describe, expect, it } from 'vitest';
import { formatEmbedderIdentity, parseEmbedderIdentity } from '../../src/embed/embedder.js';

describe('parseEmbedderIdentity', () => {
  it('reads back what formatEmbedderIdentity wrote, an id holding @ or / included', () => {
    for (const identity of [
      { id: 'openai:nomic-embed-text', version: '1', dimensions: 768 },
      { id: 'openai:org/model@v2', version: '1', dimensions: 16 },
      { id: 'local-hash', version: '3', dimensions: 512 },
    ]) {
      expect(parseEmbedderIdentity(formatEmbedderIdentity(identity))).toEqual(identity);
    }
  });

  it('is null for text in another form', () => {
    expect(parseEmbedderIdentity('openai:m')).toBeNull();
    expect(parseEmbedderIdentity('openai:m@1/0')).toBeNull();
    expect(parseEmbedderIdentity('openai:m@1/x')).toBeNull();
  });
});
