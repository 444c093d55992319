import { resolveResilience, type ProviderResilience } from '../config/config-schema.js';
import { createProviderFetch, type ProviderFetchDependencies } from './provider-fetch.js';

/** OpenAI's own API, used when no base URL is given (the SDK would otherwise read the environment). */
export const OPENAI_API_URL = 'https://api.openai.com/v1';

/**
 * The OpenAI SDK settings that chat and embeddings share: the server, and the
 * resilient `fetch` that owns retries and timeouts. LangChain's and the SDK's
 * own retries must be turned off next to it (`maxRetries: 0`), or a failing
 * request would be retried by two layers at once.
 *
 * The SDK's logging is off: it writes to the console (a stream chunk that is
 * not JSON prints the chunk to stderr), while every failure already reaches
 * the user as one FootnoteError line with a hint. `OPENAI_LOG` is ignored too,
 * as only `cli/` decides what the terminal shows.
 */
export function createClientConfiguration(
  baseUrl: string | undefined,
  resilience: Partial<ProviderResilience> = {},
  dependencies: ProviderFetchDependencies = {},
): { baseURL: string; fetch: typeof fetch; logLevel: 'off' } {
  const settings = resolveResilience(resilience);
  return {
    baseURL: baseUrl ?? OPENAI_API_URL,
    logLevel: 'off',
    fetch: createProviderFetch(
      {
        maxRetries: settings.maxRetries,
        baseDelayMs: settings.retryBaseDelayMs,
        maxDelayMs: settings.retryMaxDelayMs,
        connectTimeoutMs: settings.connectTimeoutMs,
        streamTimeoutMs: settings.streamTimeoutMs,
      },
      dependencies,
    ),
  };
}
