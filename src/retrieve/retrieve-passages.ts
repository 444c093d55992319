import type { Embedder } from '../embed/embedder.js';
import type { ChunkRepository } from '../store/chunk-repository.js';
import type { VectorIndex } from '../store/vector-index.js';
import { throwIfAborted } from '../shared/errors.js';
import type { Passage } from '../shared/types.js';
import { fuseRankings } from './fuse-rankings.js';
import { searchKeywords, type KeywordWeights } from './keyword-search.js';
import { searchVectors } from './vector-search.js';

/** An open index to search: the database, its vectors and the embedder that built them. */
export interface SearchableIndex {
  repo: ChunkRepository;
  vectors: VectorIndex;
  embedder: Embedder;
}

export interface RetrieveOptions {
  /** Passages to return. */
  k: number;
  /** Candidates each ranker contributes before fusion; default max(50, 4k). */
  candidates?: number;
  keywordWeights?: KeywordWeights;
  signal?: AbortSignal;
}

/**
 * The one retriever that `ask`, the chat app and `eval` share: BM25 over FTS5
 * and k-NN over the vector index, fused by reciprocal rank.
 */
export async function retrievePassages(
  index: SearchableIndex,
  question: string,
  options: RetrieveOptions,
): Promise<Passage[]> {
  throwIfAborted(options.signal);
  const candidates = options.candidates ?? Math.max(50, options.k * 4);
  const keyword = searchKeywords(index.repo, question, candidates, options.keywordWeights);
  const vector = await searchVectors(index.vectors, index.embedder, question, candidates);
  throwIfAborted(options.signal);
  const fused = fuseRankings([
    { ids: keyword.map((hit) => hit.id) },
    { ids: vector.map((hit) => hit.id) },
  ]).slice(0, options.k);
  const scoreById = new Map(fused.map((hit) => [hit.id, hit.score]));
  return index.repo
    .getChunks(fused.map((hit) => hit.id))
    .map((chunk) => ({ ...chunk, score: scoreById.get(chunk.id) ?? 0 }));
}
