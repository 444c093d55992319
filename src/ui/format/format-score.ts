/**
 * A retrieval score for the source list: two decimals, or two significant
 * digits for scores too small to show that way.
 *
 * @example
 * formatScore(0.8731) // → '0.87'
 * formatScore(0.0042) // → '0.0042'
 */
export function formatScore(score: number): string {
  if (score !== 0 && Math.abs(score) < 0.01) return score.toPrecision(2);
  return score.toFixed(2);
}
