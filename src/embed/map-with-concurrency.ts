/**
 * `mapper` over `items` with at most `concurrency` calls in flight, results in
 * input order. The first failure rejects the whole; calls not yet started are
 * then never made.
 *
 * @example
 * await mapWithConcurrency(batches, 2, (batch) => client.embedDocuments(batch));
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  concurrency: number,
  mapper: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  async function work(): Promise<void> {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await mapper(items[index] as T, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  }
  const workers = Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, () => work());
  await Promise.all(workers);
  return results;
}
