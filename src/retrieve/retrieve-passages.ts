import type { Embedder } from '../embed/embedder.js';
import type { ChunkRepository } from '../store/chunk-repository.js';
import type { SearchableVectors } from '../store/vector-index.js';
import { throwIfAborted } from '../shared/errors.js';
import type { Passage, TermStatistics } from '../shared/types.js';
import { formatSentenceTerms, termFinder, tokenizePassage, type TermHits } from '../text/sentence-terms.js';
import { passageHeading } from '../shared/passage-heading.js';
import { searchableText } from '../chunk/searchable-text.js';
import { contentTerms } from '../text/tokenize.js';
import { fuseRankings } from './fuse-rankings.js';
import {
  DEFAULT_KEYWORD_WEIGHTS,
  DEFAULT_MATCH_ROW_BUDGET,
  planKeywordSearch,
  searchPlannedKeywords,
  type KeywordPlan,
  type KeywordWeights,
} from './keyword-search.js';
import { rerankCandidates, type RerankWeights } from './rerank-candidates.js';
import { scoreLeftOutTerms } from './score-left-out-terms.js';
import { stem } from '../text/porter-stemmer.js';
import { dot } from '../store/centred-vectors.js';
import { beginVectorSearch } from './vector-search.js';

/** An open index to search: the database, its vectors and the embedder that built them. */
export interface SearchableIndex {
  repo: ChunkRepository;
  vectors: SearchableVectors;
  embedder: Embedder;
  statistics: TermStatistics;
}

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
  /**
   * Vector hits the reranker takes (rerank mode). Default: at most
   * {@link LEXICAL_VECTOR_CANDIDATES} from a lexical embedder, otherwise as
   * many as the keyword candidates.
   */
  vectorCandidates?: number;
  /** Read question words no passage holds as the nearest word the index knows (correct-spelling.ts); default true. */
  correctSpelling?: boolean;
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

/**
 * Keyword hits fetched in rerank mode, for the BM25 scores of vector
 * candidates. 1,000 → 300 left SciFact nDCG@10 at 0.690 and cut keyword
 * search at 100k chunks from 4.2 to 2.6 ms at the median (handing rows to
 * JavaScript costs more than FTS5's sort).
 */
const RERANK_SCORE_DEPTH = 300;

/**
 * Keyword hits rescored with the words the row budget left out, per
 * candidate chosen from them. SciFact nDCG@10 at a 2,000-row budget: 1.5×
 * 0.6875, 2× 0.6898, 3× 0.6896; at 100k chunks, p95 of retrieval 2× 9.8 ms,
 * 3× 12.2 ms.
 */
const RESCORED_KEYWORD_HITS_PER_CANDIDATE = 2;

/**
 * Vector hits the reranker takes from a lexical embedder (the local one):
 * its vectors hash the same words BM25 matches, so below the first few its
 * hits are passages BM25 ranks anyway or that never reach the top. nDCG@10
 * with 100 / 50 / 25 / 10 / 0 vector hits (`npm run eval`): SciFact 0.6898 /
 * 0.6894 / 0.6900 / 0.6910 / 0.6928, SQuAD 0.8922 / 0.8922 / 0.8923 / 0.8923
 * / 0.8924, CMRC 2018 0.9901 at all but 0 (0.9898). With the longest word of
 * each question misspelt, which then only the vectors' character n-grams can
 * match (`bench/measure-misspellings.ts` with spelling correction off, 3,000
 * SQuAD questions): 0.7515 / 0.7515 / 0.7516 / 0.7516 / 0.7505. 25 keeps a
 * margin over 10. At 100k chunks, 100 → 25 took retrieval from 7.8 to 6.7
 * ms at the median (p95 11.6 → 10.2 ms; 600 questions each, alternating in
 * one process): HNSW searches no wider than its default beam, and 75 fewer
 * passages' terms are read.
 * Answers move by a hair, through the reranker's scores, which depend on the
 * candidates: SQuAD abstains on 3.5% (was 3.4%) and catches 80.4% of missing
 * articles (was 80.3%, `bench/measure-abstention.ts`).
 */
export const LEXICAL_VECTOR_CANDIDATES = 25;

export interface RetrieveOptions {
  /** Passages to return. */
  k: number;
  /** Candidates the keyword ranker contributes, and the vector ranker unless told fewer (`vectorCandidates`); default max(100, k). */
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
  // The reranker needs BM25 scores for vector candidates too: a deeper keyword
  // list supplies them cheaply (FTS5 scores every match anyway), where
  // scoring chosen rowids separately measured ~30 ms a question.
  const keywordDepth = settings.mode === 'rerank' ? Math.max(RERANK_SCORE_DEPTH, candidates) : candidates;
  const query =
    settings.mode === 'keyword' ? null : Float32Array.from(await index.embedder.embedQuery(question));
  throwIfAborted(options.signal);
  // A large local index scans its vectors on a second thread while this one
  // runs the keyword search (ScanVectorIndex.searchLater).
  const vectorHits = query === null
    ? () => []
    : beginVectorSearch(index.vectors, query, vectorCandidates(index.embedder, settings, candidates));
  const plan: KeywordPlan =
    settings.mode === 'vector'
      ? { matched: [], requireAll: false, leftOut: [] }
      : planKeywordSearch(question, { rowBudget: settings.matchRowBudget, statistics: index.statistics });
  const keyword = searchPlannedKeywords(index.repo, plan, keywordDepth, settings.keywordWeights);
  const vector = vectorHits();

  if (settings.mode === 'rerank') {
    const leftOut = plan.leftOut.map(stem);
    return rerank(index, question, { keyword, leftOut, vector, query, candidates }, settings, options.k);
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

/** How many hits to ask the vector index for (see {@link LEXICAL_VECTOR_CANDIDATES}). */
function vectorCandidates(embedder: Embedder, settings: RetrievalSettings, candidates: number): number {
  if (settings.mode !== 'rerank') return candidates;
  return settings.vectorCandidates ?? (embedder.lexical ? Math.min(candidates, LEXICAL_VECTOR_CANDIDATES) : candidates);
}

type Hit = { id: number; score: number };

/** What the first-stage rankers found, for the reranker. */
interface FirstStage {
  /** BM25 hits, deeper than `candidates` so that vector hits get scores too. */
  keyword: Hit[];
  /** Stemmed question words the row budget kept out of the MATCH; their BM25 is added here. */
  leftOut: string[];
  vector: Hit[];
  /** The embedded question, or null when no vector ranker ran. */
  query: Float32Array | null;
  /** Keyword candidates (vector hits may be fewer: {@link LEXICAL_VECTOR_CANDIDATES}). */
  candidates: number;
}

/**
 * Gives every candidate both scores (BM25 for vector hits, cosine for keyword
 * hits), then lets the reranker order them.
 */
function rerank(
  index: SearchableIndex,
  question: string,
  { keyword, leftOut, vector, query, candidates }: FirstStage,
  settings: RetrievalSettings,
  k: number,
): Passage[] {
  // Beyond the keyword list's depth BM25 counts as 0: below every listed score.
  const bm25 = new Map(keyword.map((hit) => [hit.id, hit.score]));
  const cosine = new Map(vector.map((hit) => [hit.id, hit.score]));
  // The words the row budget left out may reorder the keyword list: the head
  // it rescores with them is wider than the candidates chosen from it.
  const head = keyword
    .slice(0, leftOut.length > 0 ? RESCORED_KEYWORD_HITS_PER_CANDIDATE * candidates : candidates)
    .map((hit) => hit.id);
  const wanted = new Set([...contentTerms(question), ...leftOut]);
  const terms = termHitsOf(index, [...new Set([...head, ...cosine.keys()])], wanted);
  for (const [id, score] of scoreLeftOutTerms(leftOut, terms, index.statistics)) {
    bm25.set(id, (bm25.get(id) ?? 0) + score);
  }
  const keywordIds = head.sort((a, b) => (bm25.get(b) ?? 0) - (bm25.get(a) ?? 0) || a - b).slice(0, candidates);
  const ids = [...new Set([...keywordIds, ...cosine.keys()])];
  if (ids.length === 0) return [];
  // Without vector hits no cosine is known, and missing ones count 0.
  const cosineOf =
    query !== null && vector.length > 0
      ? (missing: readonly number[]) =>
          new Map([...index.repo.getEmbeddings(missing)].map(([id, embedding]) => [id, dot(query, embedding)]))
      : undefined;
  const ranked = rerankCandidates(
    question,
    ids.map((id) => ({
      id,
      terms: terms.get(id) ?? NO_TERMS,
      bm25: bm25.get(id) ?? 0,
      cosine: cosine.get(id),
    })),
    index.statistics,
    settings.rerank,
    { limit: k, cosineOf },
  );
  return withScores(index.repo, ranked);
}

/** A candidate whose terms are unknown (an id the database no longer holds). */
const NO_TERMS: TermHits = { termCount: 0, hits: new Map() };

/**
 * Where each candidate holds the wanted terms, read from its stored sentence
 * terms or, for chunks of a version-1 index, from its tokenised text. Not
 * cached: reading them costs ~1 ms a question, and a cache of parsed terms
 * for tens of thousands of chunks cost more than that in garbage collection.
 */
function termHitsOf(index: SearchableIndex, ids: readonly number[], wanted: ReadonlySet<string>): Map<number, TermHits> {
  const stored = index.repo.getSentenceTerms(ids);
  const unstored = ids.filter((id) => !stored.has(id));
  for (const chunk of unstored.length > 0 ? index.repo.getChunks(unstored) : []) {
    stored.set(chunk.id, formatSentenceTerms(tokenizePassage(passageHeading(chunk), searchableText(chunk.text, chunk.format))));
  }
  const find = termFinder(wanted);
  return new Map([...stored].map(([id, terms]) => [id, find(terms)]));
}

function withScores(repo: ChunkRepository, hits: Hit[]): Passage[] {
  const scoreById = new Map(hits.map((hit) => [hit.id, hit.score]));
  return repo
    .getChunks(hits.map((hit) => hit.id))
    .map((chunk) => ({ ...chunk, score: scoreById.get(chunk.id) ?? 0 }));
}
