import type { SearchableVectors } from '../store/vector-index.js';

/**
 * Nearest chunks to the question's embedding: chunk ids with cosine
 * similarity, best first, in two steps. An index that scans on another
 * thread (ScanVectorIndex.searchLater) starts now, and the returned function
 * gives the hits, so that the caller can run its keyword search in between;
 * any other index searches when the function is called. Takes the embedded
 * question so that callers which also score other chunks against it embed it once.
 */
export function beginVectorSearch(
  vectors: SearchableVectors,
  query: Float32Array,
  limit: number,
): () => { id: number; score: number }[] {
  // A question with no words embeds to zeros, which ranks nothing.
  if (vectors.size === 0 || !query.some((value) => value !== 0)) return () => [];
  const finish = vectors.searchLater?.(query, limit) ?? (() => vectors.search(query, limit));
  return () => finish().map(({ id, distance }) => ({ id, score: 1 - distance }));
}
