import type { TermStatistics } from '../shared/types.js';
import type { TermHits } from '../text/sentence-terms.js';
import { measureLexicalFeatures } from './lexical-features.js';
import { contentTerms } from '../text/tokenize.js';
import { backgroundShares, rescaleBm25 } from './background-prior.js';
import { measureCorpusIdf, weighByLocalRarity, weighQuestionTerms } from './question-terms.js';

/** How much each signal adds to BM25 (which is scaled to 1 for the best candidate). */
export interface RerankWeights {
  cosine: number;
  sentence: number;
  proximity: number;
  /** How much sentence and proximity weights follow term rarity among the candidates (0..1). */
  local: number;
}

/** A candidate passage with the scores the first-stage rankers gave it. */
export interface RerankCandidate {
  id: number;
  /**
   * Where the title and passage hold the question's stemmed content terms
   * (`termFinder`, searching for at least `contentTerms(question)`).
   */
  terms: TermHits;
  /** BM25 (higher is better), 0 when the passage does not match. */
  bm25: number;
  /**
   * Cosine similarity of question and passage embeddings. When missing, it is
   * read through {@link RerankOptions.cosineOf} only if the passage could
   * still make the cut, and counts 0 without `cosineOf`.
   */
  cosine?: number;
}

/** Which candidates to return, and how to read the cosines they lack. */
export interface RerankOptions {
  /** Candidates to return, best first (default: all). */
  limit?: number;
  /** Cosines of the given candidates (by id); absent ids count as 0. */
  cosineOf?: (ids: readonly number[]) => ReadonlyMap<number, number>;
}

/** Cosines read per {@link RerankOptions.cosineOf} call once `limit` candidates have full scores. */
const COSINE_BATCH = 16;

/**
 * The most a cosine can add per unit of weight: vectors are L2-normalised,
 * so |cosine| ≤ 1, plus float32 rounding.
 */
const COSINE_REACH = 1 + 1e-6;

/**
 * Orders candidates by a weighted sum of BM25 (divided by the best BM25 among
 * them, so its scale no longer depends on the corpus), cosine similarity,
 * sentence coverage and term proximity. Score interpolation rather than rank
 * fusion: measured on SciFact and SQuAD, rank fusion let a weak vector ranking
 * pull BM25's best hits down, while a small cosine weight only breaks near-ties.
 *
 * Missing cosines are read best candidate first, and only while a candidate
 * could still reach the top `limit` with a perfect cosine; the others cannot
 * make the cut whatever their cosine, so the result is the same as reading
 * them all. At 100k chunks that skips most of the ~100 embeddings (4 KB each)
 * that keyword candidates used to cost for every question.
 *
 * @returns the top `limit` ids with their combined scores, best first.
 */
export function rerankCandidates(
  question: string,
  candidates: readonly RerankCandidate[],
  statistics: TermStatistics,
  weights: RerankWeights,
  options: RerankOptions = {},
): { id: number; score: number }[] {
  const questionTerms = contentTerms(question);
  const idf = measureCorpusIdf(question, statistics);
  // FTS5 scored with corpus idf alone; common English words weigh less here
  // in a small corpus, as in `idfWeights` (background-prior.ts has the figures).
  const shares = backgroundShares(question, statistics.passageCount);
  const idfWeights = weighQuestionTerms(question, statistics, idf, shares);
  const termWeights = weighByLocalRarity(
    idfWeights,
    candidates.map((candidate) => new Set(candidate.terms.hits.keys())),
    weights.local,
  );
  const bm25 = new Map(candidates.map((candidate) => [candidate, rescaleBm25(candidate.bm25, candidate.terms, idf, shares)]));
  const bestBm25 = Math.max(0, ...bm25.values()) || 1;
  const scored: { id: number; score: number }[] = [];
  const unread: { id: number; score: number }[] = [];
  for (const candidate of candidates) {
    const features = measureLexicalFeatures(candidate.terms, questionTerms, termWeights);
    const withoutCosine =
      bm25.get(candidate)! / bestBm25 +
      weights.sentence * features.sentenceCoverage +
      weights.proximity * features.proximity;
    if (candidate.cosine === undefined && options.cosineOf && weights.cosine !== 0) {
      unread.push({ id: candidate.id, score: withoutCosine });
    } else {
      scored.push({ id: candidate.id, score: withoutCosine + weights.cosine * (candidate.cosine ?? 0) });
    }
  }
  const limit = options.limit ?? candidates.length;
  unread.sort(byScore);
  const reach = Math.abs(weights.cosine) * COSINE_REACH;
  for (let start = 0; start < unread.length; ) {
    if (unread[start]!.score + reach < nthBestScore(scored, limit)) break;
    const batch = unread.slice(start, start + Math.max(COSINE_BATCH, limit - scored.length));
    start += batch.length;
    const cosines = options.cosineOf!(batch.map((candidate) => candidate.id));
    for (const { id, score } of batch) scored.push({ id, score: score + weights.cosine * (cosines.get(id) ?? 0) });
  }
  return scored.sort(byScore).slice(0, limit);
}

function byScore(a: { id: number; score: number }, b: { id: number; score: number }): number {
  return b.score - a.score || a.id - b.id;
}

/** The `n`th best score of `scored`, or -Infinity while it holds fewer. */
function nthBestScore(scored: readonly { score: number }[], n: number): number {
  if (scored.length < n) return -Infinity;
  return scored.map((candidate) => candidate.score).sort((a, b) => b - a)[n - 1]!;
}
