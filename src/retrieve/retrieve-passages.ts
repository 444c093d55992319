import type { Embedder } from '../embed/embedder.js';
import type { ChunkRepository } from '../store/chunk-repository.js';
import type { VectorIndex } from '../store/vector-index.js';
import { throwIfAborted } from '../shared/errors.js';
import type { Passage, TermStatistics } from '../shared/types.js';
import { tokenizePassage } from '../text/sentence-terms.js';
import { fuseRankings } from './fuse-rankings.js';
import {
  DEFAULT_KEYWORD_WEIGHTS,
  DEFAULT_MATCH_ROW_BUDGET,
  searchKeywords,
  type KeywordWeights,
} from './keyword-search.js';
import { rerankCandidates, type RerankWeights } from './rerank-candidates.js';
import { dot, searchVectors } from './vector-search.js';

/** An open index to search: the database, its vectors and the embedder that built them. */
export interface SearchableIndex {
  repo: ChunkRepository;
  vectors: VectorIndex;
  embedder: Embedder;
  statistics: TermStatistics;
  /** Tokenised sentences by chunk id, filled by the reranker; lives as long as the open index. */
  sentenceCache?: Map<number, string[][]>;
}

/** Chunks whose tokenised sentences are kept; about 1 KB each. */
const SENTENCE_CACHE_LIMIT = 50_000;

/**
 * How passages are found: the knobs `eval` compares.
 * - `rerank` (default): BM25 and vector candidates, rescored with BM25, cosine,
 *   sentence coverage and term proximity.
 * - `hybrid`: reciprocal rank fusion of BM25 and vectors.
 * - `keyword`, `vector`: one ranker alone, for comparison.
 */
export interface RetrievalSettings {
  mode: 'rerank' | 'hybrid' | 'keyword' | 'vector';
  keywordWeights: KeywordWeights;
  /** Most rows BM25 scores; the commonest question words are left out to stay under it (Infinity: none). */
  matchRowBudget: number;
  /** Weight of each ranker in reciprocal rank fusion (`hybrid`). */
  keywordFusionWeight: number;
  vectorFusionWeight: number;
  /** RRF's k: larger flattens the advantage of the top ranks. */
  fusionK: number;
  rerank: RerankWeights;
}

export const DEFAULT_RETRIEVAL: RetrievalSettings = {
  mode: 'rerank',
  keywordWeights: DEFAULT_KEYWORD_WEIGHTS,
  matchRowBudget: DEFAULT_MATCH_ROW_BUDGET,
  keywordFusionWeight: 1,
  vectorFusionWeight: 1,
  fusionK: 60,
  rerank: { cosine: 0.25, sentence: 0.4, proximity: 0.2, local: 1 },
};

/** Keyword hits fetched in rerank mode, for the BM25 scores of vector candidates. */
const RERANK_SCORE_DEPTH = 1000;

export interface RetrieveOptions {
  /** Passages to return. */
  k: number;
  /** Candidates each ranker contributes; default max(100, k). */
  candidates?: number;
  settings?: RetrievalSettings;
  signal?: AbortSignal;
}

/**
 * The one retriever that `ask`, the chat app and `eval` share: BM25 over FTS5
 * and k-NN over the vector index, combined as `settings.mode` says.
 */
export async function retrievePassages(
  index: SearchableIndex,
  question: string,
  options: RetrieveOptions,
): Promise<Passage[]> {
  throwIfAborted(options.signal);
  const settings = options.settings ?? DEFAULT_RETRIEVAL;
  const candidates = options.candidates ?? Math.max(100, options.k);
  // The reranker needs BM25 scores for vector candidates too: a deep keyword
  // list supplies them at almost no cost (FTS5 scores every match anyway),
  // where scoring chosen rowids separately measured ~30 ms a question.
  const keywordDepth = settings.mode === 'rerank' ? Math.max(RERANK_SCORE_DEPTH, candidates) : candidates;
  const keyword =
    settings.mode === 'vector'
      ? []
      : searchKeywords(index.repo, question, keywordDepth, {
          weights: settings.keywordWeights,
          rowBudget: settings.matchRowBudget,
          statistics: index.statistics,
        });
  const query =
    settings.mode === 'keyword' ? null : Float32Array.from(await index.embedder.embedQuery(question));
  const vector = query === null ? [] : searchVectors(index.vectors, query, candidates);
  throwIfAborted(options.signal);

  if (settings.mode === 'rerank') {
    return rerank(index, question, { keyword, vector, query, candidates }, settings, options.k);
  }
  const fused = fuseRankings(
    [
      { ids: keyword.map((hit) => hit.id), weight: settings.keywordFusionWeight },
      { ids: vector.map((hit) => hit.id), weight: settings.vectorFusionWeight },
    ],
    { k: settings.fusionK },
  ).slice(0, options.k);
  return withScores(index.repo, fused);
}

type Hit = { id: number; score: number };

/** What the first-stage rankers found, for the reranker. */
interface FirstStage {
  /** BM25 hits, deeper than `candidates` so that vector hits get scores too. */
  keyword: Hit[];
  vector: Hit[];
  /** The embedded question, or null when no vector ranker ran. */
  query: Float32Array | null;
  /** Candidates each ranker contributes. */
  candidates: number;
}

/**
 * Gives every candidate both scores (BM25 for vector hits, cosine for keyword
 * hits), then lets the reranker order them.
 */
function rerank(
  index: SearchableIndex,
  question: string,
  { keyword, vector, query, candidates }: FirstStage,
  settings: RetrievalSettings,
  k: number,
): Passage[] {
  // Beyond the keyword list's depth BM25 counts as 0: below every listed score.
  const bm25 = new Map(keyword.map((hit) => [hit.id, hit.score]));
  const cosine = new Map(vector.map((hit) => [hit.id, hit.score]));
  const ids = [...new Set([...keyword.slice(0, candidates).map((hit) => hit.id), ...cosine.keys()])];
  if (ids.length === 0) return [];
  const missingCosine = ids.filter((id) => !cosine.has(id));
  if (missingCosine.length > 0 && query !== null && vector.length > 0) {
    for (const [id, embedding] of index.repo.getEmbeddings(missingCosine)) {
      cosine.set(id, dot(query, embedding));
    }
  }

  const sentences = sentencesOf(index, ids);
  const ranked = rerankCandidates(
    question,
    ids.map((id) => ({
      id,
      sentences: sentences.get(id) ?? [],
      bm25: bm25.get(id) ?? 0,
      cosine: cosine.get(id) ?? 0,
    })),
    index.statistics,
    settings.rerank,
  ).slice(0, k);
  return withScores(index.repo, ranked);
}

/**
 * Each candidate's sentence terms: remembered, else stored in the index, else
 * (a version-1 index) tokenised from its text.
 */
function sentencesOf(index: SearchableIndex, ids: readonly number[]): Map<number, string[][]> {
  const found = new Map<number, string[][]>();
  const missing: number[] = [];
  for (const id of ids) {
    const cached = index.sentenceCache?.get(id);
    if (cached) found.set(id, cached);
    else missing.push(id);
  }
  if (missing.length === 0) return found;
  const stored = index.repo.getSentenceTerms(missing);
  const unstored = missing.filter((id) => !stored.has(id));
  for (const chunk of unstored.length > 0 ? index.repo.getChunks(unstored) : []) {
    stored.set(chunk.id, tokenizePassage(chunk.title, chunk.text));
  }
  for (const [id, sentences] of stored) {
    found.set(id, sentences);
    if (index.sentenceCache) {
      if (index.sentenceCache.size >= SENTENCE_CACHE_LIMIT) index.sentenceCache.clear();
      index.sentenceCache.set(id, sentences);
    }
  }
  return found;
}

function withScores(repo: ChunkRepository, hits: Hit[]): Passage[] {
  const scoreById = new Map(hits.map((hit) => [hit.id, hit.score]));
  return repo
    .getChunks(hits.map((hit) => hit.id))
    .map((chunk) => ({ ...chunk, score: scoreById.get(chunk.id) ?? 0 }));
}
