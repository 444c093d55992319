/**
 * Retries `assertion` until it stops throwing or `timeoutMs` passes, then
 * rethrows its last error. Use it instead of sleeping in tests.
 *
 * @example
 * await waitFor(() => expect(lastFrame()).toContain('[1]'));
 */
export async function waitFor<T>(
  assertion: () => T | Promise<T>,
  options: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 2000;
  const intervalMs = options.intervalMs ?? 5;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
