import type { NewChunk } from '../../src/store/chunk-repository.js';
import { makePassage } from './make-passage.js';

/** One one-line chunk of `source` per text, each with its own text hash, for store tests that only search. */
export function newChunks(source: string, texts: readonly string[]): NewChunk[] {
  // A passage is a chunk with what the store adds (id, title, score), which replaceFile ignores.
  return texts.map((text, ordinal) => ({
    chunk: makePassage(text, { source, ordinal }),
    textHash: `th:${source}:${ordinal}`,
    embedding: Float32Array.from([1, 0]),
  }));
}
