import { describe, expect, it } from 'vitest';
import { computeRetryDelayMs, isRetryableStatus, readRetryAfterMs } from '../../src/embed/retry-delay.js';

const policy = { maxRetries: 3, baseDelayMs: 500, maxDelayMs: 20_000 };

describe('readRetryAfterMs', () => {
  it('reads seconds, milliseconds and HTTP dates', () => {
    expect(readRetryAfterMs(new Headers({ 'retry-after': '2' }))).toBe(2000);
    expect(readRetryAfterMs(new Headers({ 'retry-after': '0.5' }))).toBe(500);
    expect(readRetryAfterMs(new Headers({ 'retry-after-ms': '120', 'retry-after': '9' }))).toBe(120);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(readRetryAfterMs(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:07 GMT' }), now)).toBe(7000);
  });

  it('ignores a missing or unreadable header', () => {
    expect(readRetryAfterMs(new Headers())).toBeUndefined();
    expect(readRetryAfterMs(new Headers({ 'retry-after': 'soon' }))).toBeUndefined();
  });
});

describe('computeRetryDelayMs', () => {
  it('doubles the delay each retry, with jitter between half and all of it', () => {
    expect([0, 1, 2].map((retry) => computeRetryDelayMs(retry, policy, undefined, () => 1))).toEqual([500, 1000, 2000]);
    expect([0, 1, 2].map((retry) => computeRetryDelayMs(retry, policy, undefined, () => 0))).toEqual([250, 500, 1000]);
  });

  it('caps the delay and gives up after maxRetries', () => {
    expect(computeRetryDelayMs(2, { ...policy, maxDelayMs: 800 }, undefined, () => 1)).toBe(800);
    expect(computeRetryDelayMs(3, policy, undefined, () => 1)).toBeNull();
  });

  it('honours Retry-After as given, and gives up when it asks for more than maxDelayMs', () => {
    expect(computeRetryDelayMs(0, policy, 7000, () => 1)).toBe(7000);
    expect(computeRetryDelayMs(0, policy, 0, () => 1)).toBe(0);
    expect(computeRetryDelayMs(0, policy, 60_000, () => 1)).toBeNull();
  });
});

describe('isRetryableStatus', () => {
  it('retries 429 and 5xx only', () => {
    expect([400, 401, 403, 404, 429, 500, 503].map(isRetryableStatus)).toEqual([
      false, false, false, false, true, true, true,
    ]);
  });
});
