import type { TermStatistics } from '../shared/types.js';
import type { TermHits } from '../text/sentence-terms.js';
import { measureLexicalFeatures } from './lexical-features.js';
import { contentTerms } from '../text/tokenize.js';
import { weighByLocalRarity, weighQuestionTerms } from './question-terms.js';

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
  /** Cosine similarity of question and passage embeddings. */
  cosine: number;
}

/**
 * Orders candidates by a weighted sum of BM25 (divided by the best BM25 among
 * them, so its scale no longer depends on the corpus), cosine similarity,
 * sentence coverage and term proximity. Score interpolation rather than rank
 * fusion: measured on SciFact and SQuAD, rank fusion let a weak vector ranking
 * pull BM25's best hits down, while a small cosine weight only breaks near-ties.
 *
 * @returns ids with their combined scores, best first.
 */
export function rerankCandidates(
  question: string,
  candidates: readonly RerankCandidate[],
  statistics: TermStatistics,
  weights: RerankWeights,
): { id: number; score: number }[] {
  const questionTerms = contentTerms(question);
  const idfWeights = weighQuestionTerms(question, statistics);
  const termWeights = weighByLocalRarity(
    idfWeights,
    candidates.map((candidate) => new Set(candidate.terms.hits.keys())),
    weights.local,
  );
  const bestBm25 = Math.max(0, ...candidates.map((candidate) => candidate.bm25)) || 1;
  return candidates
    .map((candidate) => {
      const features = measureLexicalFeatures(candidate.terms, questionTerms, termWeights);
      const score =
        candidate.bm25 / bestBm25 +
        weights.cosine * candidate.cosine +
        weights.sentence * features.sentenceCoverage +
        weights.proximity * features.proximity;
      return { id: candidate.id, score };
    })
    .sort((a, b) => b.score - a.score || a.id - b.id);
}
