import { describe, expect, it } from 'vitest';
import { readEmbeddingsResponse } from '../../src/embed/read-embeddings-response.js';

describe('readEmbeddingsResponse', () => {
  it('places the vectors by their index, and keeps the order when the indexes do not name every text', () => {
    const shuffled = { data: [{ index: 1, embedding: [2] }, { index: 0, embedding: new Float32Array([1]) }] };
    expect(readEmbeddingsResponse(shuffled, 2)).toEqual([[1], [2]]);
    const unnumbered = { data: [{ index: 0, embedding: [2] }, { index: 0, embedding: [1] }] };
    expect(readEmbeddingsResponse(unnumbered, 2)).toEqual([[2], [1]]);
  });

  it('rejects a reply without data, one short, or with a value that is not a number', () => {
    expect(() => readEmbeddingsResponse('<html>oops</html>', 1)).toThrow(
      "the server's reply to /embeddings was not an embeddings response",
    );
    expect(() => readEmbeddingsResponse({ data: [{ embedding: [1] }] }, 2)).toThrow('the server returned 1 embedding for 2 texts');
    expect(() => readEmbeddingsResponse({ data: [{ embedding: [1, null] }] }, 1)).toThrow(
      "the server's reply to /embeddings was not an embeddings response",
    );
  });
});
