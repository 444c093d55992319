/**
 * Retrieval metrics as pure functions over one query: a ranked list of document ids
 * (best first) and the judged relevance of documents. Average them with {@link mean}.
 *
 * Every metric first drops repeated ids (keeping the first, best-ranked one) and
 * then cuts the list at `k`, so a document retrieved as several chunks counts once
 * and does not push other documents out of the top k. Relevance ≤ 0 counts as not
 * relevant. `k` below 1 gives an empty top-k, so every metric is 0.
 */

/**
 * Normalised discounted cumulative gain at rank k, as trec_eval's `ndcg_cut.k`
 * (the measure BEIR reports through pytrec_eval): linear gain,
 * DCG@k = Σ_{i=1..k} rel_i / log2(i + 1), divided by the DCG of the ideal ordering
 * of all judged relevant documents cut at k. 0 when no document is relevant.
 *
 * @see https://github.com/usnistgov/trec_eval/blob/main/m_ndcg_cut.c
 * @see https://github.com/beir-cellar/beir/blob/main/beir/retrieval/evaluation.py
 * @see Järvelin & Kekäläinen (2002), https://doi.org/10.1145/582415.582418
 * @example
 * ndcgAtK(['a', 'b', 'c'], new Map([['b', 1]]), 10); // 1 / log2(3) ≈ 0.6309
 */
export function ndcgAtK(ranked: string[], relevant: Map<string, number>, k: number): number {
  const idealGains = [...relevant.values()]
    .filter((relevance) => relevance > 0)
    .sort((left, right) => right - left)
    .slice(0, Math.max(0, k));
  const idealDcg = discountedGain(idealGains);
  if (idealDcg === 0) return 0;
  const gains = topK(ranked, k).map((id) => Math.max(0, relevant.get(id) ?? 0));
  return discountedGain(gains) / idealDcg;
}

/**
 * Recall at rank k: the share of relevant documents (relevance > 0) found in the
 * top k, |relevant ∩ top-k| / |relevant|. 0 when no document is relevant.
 *
 * @see https://github.com/usnistgov/trec_eval/blob/main/m_recall.c
 */
export function recallAtK(ranked: string[], relevant: Map<string, number>, k: number): number {
  const relevantCount = countRelevant(relevant);
  if (relevantCount === 0) return 0;
  const found = topK(ranked, k).filter((id) => isRelevant(relevant, id)).length;
  return found / relevantCount;
}

/**
 * Reciprocal rank at k: 1 / (1-based rank of the first relevant document in the
 * top k), or 0 if none is there. Its mean over queries is MRR@k.
 *
 * @see https://en.wikipedia.org/wiki/Mean_reciprocal_rank
 */
export function reciprocalRankAtK(ranked: string[], relevant: Map<string, number>, k: number): number {
  const index = topK(ranked, k).findIndex((id) => isRelevant(relevant, id));
  return index === -1 ? 0 : 1 / (index + 1);
}

/**
 * Hit at k: 1 if any relevant document is in the top k, else 0 (a number, so
 * {@link mean} gives the hit rate). For a query with one relevant document,
 * `hitAtK(ranked, relevant, 1)` equals recall@1.
 *
 * @see https://en.wikipedia.org/wiki/Evaluation_measures_(information_retrieval)
 */
export function hitAtK(ranked: string[], relevant: Map<string, number>, k: number): 0 | 1 {
  return topK(ranked, k).some((id) => isRelevant(relevant, id)) ? 1 : 0;
}

/**
 * Collapses a ranking of chunks to a ranking of documents: each document id is kept
 * once, at its best (first) rank, and the order is otherwise unchanged.
 *
 * @example
 * dedupeByDocument(['a', 'b', 'a', 'c']); // ['a', 'b', 'c']
 */
export function dedupeByDocument(rankedChunkDocIds: string[]): string[] {
  return [...new Set(rankedChunkDocIds)];
}

/**
 * The p-th percentile (p in 0..100, clamped) by linear interpolation between the
 * closest ranks: the default "linear" method of NumPy's `percentile`
 * (Hyndman & Fan type 7), so p50 of [1, 2, 3, 4] is 2.5. NaN for an empty list.
 * The input is not modified.
 *
 * @see https://numpy.org/doc/stable/reference/generated/numpy.percentile.html
 * @see https://en.wikipedia.org/wiki/Percentile#The_linear_interpolation_between_closest_ranks_method
 */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((left, right) => left - right);
  const position = (Math.min(100, Math.max(0, p)) / 100) * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const lowerValue = sorted[lower] ?? Number.NaN;
  const upperValue = sorted[upper] ?? Number.NaN;
  return lowerValue + (upperValue - lowerValue) * (position - lower);
}

/** The arithmetic mean; NaN for an empty list, so "no queries" never reads as a score of 0. */
export function mean(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

function topK(ranked: string[], k: number): string[] {
  return dedupeByDocument(ranked).slice(0, Math.max(0, k));
}

/** Σ gain_i / log2(i + 1) with 1-based i. */
function discountedGain(gains: number[]): number {
  let total = 0;
  for (const [index, gain] of gains.entries()) total += gain / Math.log2(index + 2);
  return total;
}

function isRelevant(relevant: Map<string, number>, id: string): boolean {
  return (relevant.get(id) ?? 0) > 0;
}

function countRelevant(relevant: Map<string, number>): number {
  let count = 0;
  for (const relevance of relevant.values()) if (relevance > 0) count += 1;
  return count;
}
