import type { TermStatistics } from '../shared/types.js';
import type { TermHits } from '../text/sentence-terms.js';

/** FTS5's bm25() constants, so that the scores added here match the ones it computed. */
const K1 = 1.2;
const B = 0.75;
/** FTS5 floors a negative idf (a word in over half the rows) at this. */
const MIN_IDF = 1e-6;

/**
 * The BM25 that the words left out of the MATCH (see `planKeywordSearch`)
 * would have added to each candidate, computed from the candidates' stored
 * sentence terms with FTS5's formula. The length ratio uses content terms
 * against the candidates' mean, where FTS5 counts every token against the
 * index's mean: close, since stop words are a near-constant share of prose.
 *
 * @param terms stemmed words left out of the MATCH.
 * @param candidates where each candidate holds them (`termFinder`, searching for at least `terms`).
 * @returns the score to add to each candidate's BM25; candidates that hold
 * none of `terms` are absent.
 * @see https://www.sqlite.org/fts5.html#the_bm25_function
 */
export function scoreLeftOutTerms(
  terms: readonly string[],
  candidates: ReadonlyMap<number, TermHits>,
  statistics: TermStatistics,
): Map<number, number> {
  const scores = new Map<number, number>();
  if (terms.length === 0 || candidates.size === 0) return scores;
  const n = statistics.passageCount;
  const idf = new Map(
    [...statistics.documentFrequency([...new Set(terms)])].map(([term, count]) => [
      term,
      Math.max(MIN_IDF, Math.log((n - count + 0.5) / (count + 0.5))),
    ]),
  );
  let totalLength = 0;
  for (const passage of candidates.values()) totalLength += passage.termCount;
  const meanLength = totalLength / candidates.size || 1;
  for (const [id, passage] of candidates) {
    const lengthNorm = K1 * (1 - B + (B * passage.termCount) / meanLength);
    let score = 0;
    let found = false;
    for (const [term, termIdf] of idf) {
      const tf = passage.hits.get(term)?.length ?? 0;
      if (tf === 0) continue;
      found = true;
      score += (termIdf * tf * (K1 + 1)) / (tf + lengthNorm);
    }
    if (found) scores.set(id, score);
  }
  return scores;
}
