import { describe, expect, it } from 'vitest';
import { formatProviderRetry } from '../../../src/ui/format/format-provider-retry.js';

describe('formatProviderRetry', () => {
  it('says why, how long and which retry', () => {
    expect(formatProviderRetry({ cause: 'rate-limited', status: 429, delayMs: 8000, retry: 1, maxRetries: 3 }))
      .toBe('the server is rate limiting requests (429); retrying in 8 s (retry 1 of 3)');
    expect(formatProviderRetry({ cause: 'server-error', status: 503, delayMs: 1200, retry: 2, maxRetries: 3 }))
      .toBe('the server failed (503); retrying in 2 s (retry 2 of 3)');
    expect(formatProviderRetry({ cause: 'connection-closed', delayMs: 450, retry: 1, maxRetries: 5 }))
      .toBe('the server closed the connection without answering; retrying in 0.5 s (retry 1 of 5)');
  });

  it('counts down from the time left, never below now', () => {
    const retry = { cause: 'rate-limited', status: 429, delayMs: 8000, retry: 1, maxRetries: 3 } as const;
    expect(formatProviderRetry(retry, 2001)).toBe('the server is rate limiting requests (429); retrying in 3 s (retry 1 of 3)');
    expect(formatProviderRetry(retry, 0)).toBe('the server is rate limiting requests (429); retrying now (retry 1 of 3)');
    expect(formatProviderRetry(retry, -40)).toBe('the server is rate limiting requests (429); retrying now (retry 1 of 3)');
  });
});
