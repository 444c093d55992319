import type { Embedder } from '../embed/embedder.js';
import type { VectorIndex } from '../store/vector-index.js';

/** Nearest chunks to the question's embedding: chunk ids with cosine similarity, best first. */
export async function searchVectors(
  vectors: VectorIndex,
  embedder: Embedder,
  question: string,
  limit: number,
): Promise<{ id: number; score: number }[]> {
  if (vectors.size === 0) return [];
  const query = await embedder.embedQuery(question);
  // A question with no words embeds to zeros, which ranks nothing.
  if (query.every((value) => value === 0)) return [];
  return vectors
    .search(Float32Array.from(query), limit)
    .map(({ id, distance }) => ({ id, score: 1 - distance }));
}
