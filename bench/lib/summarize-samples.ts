/** Median, extremes and 95th percentile of repeated measurements (same unit as the samples). */
export interface SampleSummary {
  runs: number;
  median: number;
  min: number;
  max: number;
  p95: number;
}

/** Summarises samples; the median of an even count is the mean of the middle two. */
export function summarizeSamples(samples: readonly number[]): SampleSummary {
  if (samples.length === 0) throw new Error('summarizeSamples needs at least one sample');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  // Nearest-rank percentile: the smallest sample with at least 95% of samples at or below it.
  const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)]!;
  return { runs: sorted.length, median, min: sorted[0]!, max: sorted[sorted.length - 1]!, p95 };
}
