/** How failed requests are retried; see `computeRetryDelayMs`. */
export interface RetryPolicy {
  /** Retries after the first attempt; 0 turns retrying off. */
  maxRetries: number;
  /** First backoff delay; it doubles with every retry. */
  baseDelayMs: number;
  /** Longest backoff delay, and the longest `Retry-After` footnote is willing to wait. */
  maxDelayMs: number;
}

/** Status codes worth another attempt: rate limiting and server-side failures. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/**
 * The wait a server asks for, in milliseconds: OpenAI's `retry-after-ms`, or
 * `Retry-After` as seconds or as an HTTP date. `undefined` when it asks for
 * nothing readable. Pure apart from `now`.
 *
 * @example
 * readRetryAfterMs(new Headers({ 'retry-after': '2' })); // 2000
 */
export function readRetryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const milliseconds = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(milliseconds) && milliseconds >= 0) return milliseconds;
  const value = headers.get('retry-after')?.trim();
  if (value === undefined || value === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number.parseFloat(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * How long to wait before retry number `retry` (0 for the first retry), or
 * `null` to give up. A server's `Retry-After` is honoured as given, unless it
 * asks for more than `maxDelayMs` (then waiting is pointless for an interactive
 * tool, and the caller gives up). Otherwise exponential backoff with "equal
 * jitter": half the doubled delay plus a random half, so clients that failed
 * together do not retry together.
 *
 * @see https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 * @example
 * computeRetryDelayMs(1, { maxRetries: 3, baseDelayMs: 500, maxDelayMs: 20_000 }, undefined, () => 0.5); // 750
 */
export function computeRetryDelayMs(
  retry: number,
  policy: RetryPolicy,
  retryAfterMs: number | undefined,
  random: () => number = Math.random,
): number | null {
  if (retry >= policy.maxRetries) return null;
  if (retryAfterMs !== undefined) return retryAfterMs <= policy.maxDelayMs ? retryAfterMs : null;
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.round(exponential / 2 + (exponential / 2) * random());
}
