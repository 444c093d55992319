/** One ranked list of ids, best first, with how much it counts in the fusion. */
export interface Ranking {
  ids: readonly number[];
  weight?: number;
}

/**
 * Reciprocal rank fusion: each list adds `weight / (k + rank)` to an id's score
 * (rank from 1), so ids ranked well by several lists rise without any need to
 * calibrate BM25 scores against cosine similarities.
 *
 * @see https://plg.uwaterloo.ca/~gvcormac/cormacksigir09-rrf.pdf
 * @returns ids with fused scores, best first; ties keep first-seen order.
 */
export function fuseRankings(
  rankings: readonly Ranking[],
  options: { k?: number } = {},
): { id: number; score: number }[] {
  const k = options.k ?? 60;
  const scores = new Map<number, number>();
  for (const ranking of rankings) {
    const weight = ranking.weight ?? 1;
    ranking.ids.forEach((id, index) => {
      scores.set(id, (scores.get(id) ?? 0) + weight / (k + index + 1));
    });
  }
  return [...scores]
    .map(([id, score]) => ({ id, score }))
    .sort((a, b) => b.score - a.score);
}
