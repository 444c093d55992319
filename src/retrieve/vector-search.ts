import type { SearchableVectors } from '../store/vector-index.js';

/**
 * Nearest chunks to the question's embedding: chunk ids with cosine similarity,
 * best first. Takes the embedded question so that callers which also score
 * other chunks against it embed it once.
 */
export function searchVectors(
  vectors: SearchableVectors,
  query: Float32Array,
  limit: number,
): { id: number; score: number }[] {
  // A question with no words embeds to zeros, which ranks nothing.
  if (vectors.size === 0 || !query.some((value) => value !== 0)) return [];
  return vectors.search(query, limit).map(({ id, distance }) => ({ id, score: 1 - distance }));
}
