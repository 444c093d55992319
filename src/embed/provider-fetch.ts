import { setTimeout as sleepFor } from 'node:timers/promises';
import type { ProviderRetry } from '../shared/types.js';
import { findInCauses, readField } from './error-causes.js';
import { computeRetryDelayMs, isRetryableStatus, readRetryAfterMs, type RetryPolicy } from './retry-delay.js';

/**
 * How a request failed below HTTP: the server could not be reached (or did not
 * answer in time), closed the connection without answering, or a response
 * body stalled or broke off half-way.
 */
export type TransportFailure = 'unreachable' | 'connect-timeout' | 'connection-closed' | 'stream-timeout' | 'stream-dropped';

/** A transport failure with the endpoint it concerns; `toProviderError` turns it into the user's error. */
export class ProviderTransportError extends Error {
  readonly kind: TransportFailure;
  /** The endpoint without credentials or query, e.g. `http://localhost:11434/v1/embeddings`. */
  readonly url: string;
  /** One line: a system error code (`ECONNREFUSED`) or, in words, what happened. */
  readonly detail: string;

  constructor(kind: TransportFailure, url: string, detail: string, options?: { cause?: unknown }) {
    // A neutral message: the SDK matches /timed? ?out/ in what fetch threw and
    // then replaces it with its own "Request timed out." that drops the cause.
    super('the request failed before the server answered', options);
    this.name = 'ProviderTransportError';
    this.kind = kind;
    this.url = url;
    this.detail = detail;
  }
}

/** Resilience settings of every request to an OpenAI-compatible server. */
export interface ProviderFetchSettings extends RetryPolicy {
  /** Time allowed to connect and receive the response headers. */
  connectTimeoutMs: number;
  /** Longest silence allowed between two pieces of a response body (stream chunks). */
  streamTimeoutMs: number;
}

/** Replaceable parts, for tests. */
export interface ProviderFetchDependencies {
  /** Waits between retries; rejects when `signal` aborts. */
  sleep?: (milliseconds: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  /** Told before each wait for a retry, so the user sees why nothing moves. */
  onRetry?: (retry: ProviderRetry) => void;
}

/**
 * Socket failures on a connection that did work: the server is there (so this
 * is no reason to answer offline) and a retry may well succeed.
 */
const CLOSED_CONNECTION_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

/** Statuses whose response may carry no body. */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/** The system error code (`ECONNREFUSED`) somewhere in fetch's chain of causes. */
export function findSystemErrorCode(error: unknown): string | undefined {
  return findInCauses(error, (current) => {
    const code = readField(current, 'code');
    return typeof code === 'string' && /^(E[A-Z]+|UND_ERR_[A-Z_]+)$/.test(code) ? code : undefined;
  });
}

/** The request's endpoint for messages: never its credentials or query string. */
function describeEndpoint(input: string | URL | Request): string {
  const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  try {
    const url = new URL(raw);
    return `${url.origin}${url.pathname}`;
  } catch {
    return 'the server';
  }
}

/**
 * A `fetch` for the OpenAI SDK that makes every request resilient, in one place
 * for chat and embeddings alike:
 * - 429 and 5xx responses are retried with exponential backoff and jitter,
 *   honouring `Retry-After`, at most `maxRetries` times; the last response is
 *   then returned, so the SDK reports the server's own error;
 * - a refused or unresolvable connection fails at once as `unreachable` (so a
 *   caller can fall back quickly), and one without response headers within
 *   `connectTimeoutMs` as `connect-timeout`;
 * - a connection the server closes before answering is retried like a 5xx,
 *   then fails as `connection-closed`;
 * - a body that goes silent for `streamTimeoutMs` fails as `stream-timeout`,
 *   and one the server cuts off as `stream-dropped`.
 * The caller's abort signal is honoured throughout, including while waiting.
 * The SDK's and LangChain's own retries must be off (`maxRetries: 0`).
 *
 * @example
 * new ChatOpenAI({ maxRetries: 0, configuration: { baseURL, fetch: createProviderFetch(settings) } });
 */
export function createProviderFetch(
  settings: ProviderFetchSettings,
  dependencies: ProviderFetchDependencies = {},
): typeof fetch {
  const sleep = dependencies.sleep ?? ((milliseconds, signal) => sleepFor(milliseconds, undefined, { signal }));
  const random = dependencies.random ?? Math.random;
  /** Says why and for how long before waiting to try again. */
  const waitToRetry = async (
    retry: number,
    delayMs: number,
    signal: AbortSignal | undefined,
    reason: Pick<ProviderRetry, 'cause' | 'status'>,
  ) => {
    dependencies.onRetry?.({ ...reason, delayMs, retry: retry + 1, maxRetries: settings.maxRetries });
    await sleep(delayMs, signal);
  };

  return async (input, init = {}) => {
    const endpoint = describeEndpoint(input);
    const callerSignal = init.signal ?? undefined;
    for (let retry = 0; ; retry++) {
      let response: Response;
      try {
        response = await fetchWithConnectTimeout(input, init, settings.connectTimeoutMs, endpoint);
      } catch (error) {
        const closed = error instanceof ProviderTransportError && error.kind === 'connection-closed';
        const delay = closed ? computeRetryDelayMs(retry, settings, undefined, random) : null;
        if (delay === null) throw error;
        await waitToRetry(retry, delay, callerSignal, { cause: 'connection-closed' });
        continue;
      }
      if (isRetryableStatus(response.status)) {
        const delay = computeRetryDelayMs(retry, settings, readRetryAfterMs(response.headers), random);
        if (delay !== null) {
          await response.body?.cancel().catch(() => undefined);
          const cause = response.status === 429 ? 'rate-limited' : 'server-error';
          await waitToRetry(retry, delay, callerSignal, { cause, status: response.status });
          continue;
        }
      }
      return withStreamTimeout(response, settings.streamTimeoutMs, endpoint);
    }
  };
}

async function fetchWithConnectTimeout(
  input: string | URL | Request,
  init: RequestInit,
  connectTimeoutMs: number,
  endpoint: string,
): Promise<Response> {
  const callerSignal = init.signal ?? undefined;
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), connectTimeoutMs);
  const signal = callerSignal ? AbortSignal.any([callerSignal, timeout.signal]) : timeout.signal;
  try {
    return await fetch(input, { ...init, signal });
  } catch (error) {
    if (callerSignal?.aborted === true) throw error;
    if (timeout.signal.aborted) {
      throw new ProviderTransportError('connect-timeout', endpoint, `no response within ${formatSeconds(connectTimeoutMs)}`, { cause: error });
    }
    const code = findSystemErrorCode(error);
    if (code !== undefined && CLOSED_CONNECTION_CODES.has(code)) {
      throw new ProviderTransportError('connection-closed', endpoint, 'the server closed the connection without answering', { cause: error });
    }
    const message = error instanceof Error ? error.message : String(error);
    throw new ProviderTransportError('unreachable', endpoint, code ?? message, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

/** The response with a body that errors when it goes silent too long or breaks off. */
function withStreamTimeout(response: Response, streamTimeoutMs: number, endpoint: string): Response {
  if (response.body === null || NULL_BODY_STATUSES.has(response.status)) return response;
  const reader = response.body.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      let timer: NodeJS.Timeout | undefined;
      const silence = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          reject(new ProviderTransportError('stream-timeout', endpoint, `no data for ${formatSeconds(streamTimeoutMs)}`));
        }, streamTimeoutMs);
      });
      try {
        const { done, value } = await Promise.race([reader.read(), silence]);
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        if (error instanceof ProviderTransportError) {
          reader.cancel().catch(() => undefined);
          controller.error(error);
        } else if (readField(error, 'name') === 'AbortError') {
          controller.error(error);
        } else {
          const detail = 'the server closed the connection before the response was complete';
          controller.error(new ProviderTransportError('stream-dropped', endpoint, detail, { cause: error }));
        }
      } finally {
        clearTimeout(timer);
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

function formatSeconds(milliseconds: number): string {
  return milliseconds < 1000 ? `${milliseconds} ms` : `${Math.round(milliseconds / 100) / 10} s`;
}
