import type { ProviderRetry } from '../../shared/types.js';

/**
 * One line on a wait to retry a request to the server: why, how long is
 * left, and which retry of how many comes next.
 *
 * @example
 * formatProviderRetry({ cause: 'rate-limited', status: 429, delayMs: 8000, retry: 1, maxRetries: 3 });
 * // 'the server is rate limiting requests (429); retrying in 8 s (retry 1 of 3)'
 */
export function formatProviderRetry(retry: ProviderRetry, remainingMs = retry.delayMs): string {
  const status = retry.status === undefined ? '' : ` (${retry.status})`;
  const why = retry.cause === 'rate-limited'
    ? `the server is rate limiting requests${status}`
    : retry.cause === 'server-error'
      ? `the server failed${status}`
      : 'the server closed the connection without answering';
  return `${why}; retrying ${formatWait(remainingMs)} (retry ${retry.retry} of ${retry.maxRetries})`;
}

/** Whole seconds, rounded up so a countdown shows 0 only at its end; tenths under a second. */
function formatWait(milliseconds: number): string {
  if (milliseconds <= 0) return 'now';
  return milliseconds < 1000 ? `in ${(Math.ceil(milliseconds / 100) / 10).toFixed(1)} s` : `in ${Math.ceil(milliseconds / 1000)} s`;
}
