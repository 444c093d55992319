import type { Embedder } from '../embed/embedder.js';
import type { ChunkRepository } from '../store/chunk-repository.js';
import type { VectorIndex } from '../store/vector-index.js';
import { throwIfAborted } from '../shared/errors.js';
import type { Passage } from '../shared/types.js';
import { fuseRankings } from './fuse-rankings.js';
import { DEFAULT_KEYWORD_WEIGHTS, searchKeywords, type KeywordWeights } from './keyword-search.js';
import { searchVectors } from './vector-search.js';

/** An open index to search: the database, its vectors and the embedder that built them. */
export interface SearchableIndex {
  repo: ChunkRepository;
  vectors: VectorIndex;
  embedder: Embedder;
}

/** Which rankers run, and how they are combined: the knobs `eval` compares. */
export interface RetrievalSettings {
  /** `hybrid` fuses BM25 and vectors; the others run one ranker alone (for comparison). */
  mode: 'hybrid' | 'keyword' | 'vector';
  keywordWeights: KeywordWeights;
  /** Weight of each ranker in reciprocal rank fusion. */
  keywordFusionWeight: number;
  vectorFusionWeight: number;
  /** RRF's k: larger flattens the advantage of the top ranks. */
  fusionK: number;
}

export const DEFAULT_RETRIEVAL: RetrievalSettings = {
  mode: 'hybrid',
  keywordWeights: DEFAULT_KEYWORD_WEIGHTS,
  keywordFusionWeight: 1,
  vectorFusionWeight: 1,
  fusionK: 60,
};

export interface RetrieveOptions {
  /** Passages to return. */
  k: number;
  /** Candidates each ranker contributes before fusion; default max(50, 4k). */
  candidates?: number;
  settings?: RetrievalSettings;
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
  const settings = options.settings ?? DEFAULT_RETRIEVAL;
  const candidates = options.candidates ?? Math.max(50, options.k * 4);
  const keyword =
    settings.mode === 'vector' ? [] : searchKeywords(index.repo, question, candidates, settings.keywordWeights);
  const vector =
    settings.mode === 'keyword' ? [] : await searchVectors(index.vectors, index.embedder, question, candidates);
  throwIfAborted(options.signal);
  const fused = fuseRankings(
    [
      { ids: keyword.map((hit) => hit.id), weight: settings.keywordFusionWeight },
      { ids: vector.map((hit) => hit.id), weight: settings.vectorFusionWeight },
    ],
    { k: settings.fusionK },
  ).slice(0, options.k);
  const scoreById = new Map(fused.map((hit) => [hit.id, hit.score]));
  return index.repo
    .getChunks(fused.map((hit) => hit.id))
    .map((chunk) => ({ ...chunk, score: scoreById.get(chunk.id) ?? 0 }));
}
