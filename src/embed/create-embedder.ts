import type { OpenAIOptions } from '../config/config-schema.js';
import { checkExhaustive } from '../shared/check-exhaustive.js';
import { FootnoteError } from '../shared/errors.js';
import type { ProviderName } from '../shared/types.js';
import type { Embedder, EmbedderIdentity } from './embedder.js';
import type { ProviderFetchDependencies } from './provider-fetch.js';
import { LocalEmbedder } from './local-embedder.js';

/** What `createEmbedder` needs besides the provider's name. */
export interface CreateEmbedderOptions {
  /** Required for `'openai'`; ignored for `'local'`. */
  openai?: OpenAIOptions;
  /** Cancels an OpenAI dimension probe before it is sent. */
  signal?: AbortSignal;
  /** The identity stored in the index to be searched: spares the OpenAI probe when it names the same model. */
  indexedIdentity?: EmbedderIdentity;
  /** Hooks of the server's requests: `onRetry` hears of each wait to try again. */
  fetchDependencies?: ProviderFetchDependencies;
}

/**
 * The embedder for a provider: the offline `LocalEmbedder`, or an
 * `OpenAIEmbedder` for the configured server and model (which may ask the
 * server once for its vector length, unless `indexedIdentity` tells it). Throws `PROVIDER_NOT_CONFIGURED` for
 * `'openai'` without an API key.
 *
 * @example
 * const embedder = await createEmbedder(config.provider, { openai: openaiOptions });
 */
export async function createEmbedder(
  provider: ProviderName,
  options: CreateEmbedderOptions = {},
): Promise<Embedder> {
  switch (provider) {
    case 'local':
      return new LocalEmbedder();
    case 'openai': {
      const openai = options.openai;
      if (openai === undefined || openai.apiKey === '') {
        throw new FootnoteError('PROVIDER_NOT_CONFIGURED');
      }
      // Loaded on demand: @langchain/openai costs ~0.3–0.8 s of start-up that offline runs never need.
      const { OpenAIEmbedder } = await import('./openai-embedder.js');
      return OpenAIEmbedder.create({
        apiKey: openai.apiKey,
        baseUrl: openai.embeddingBaseUrl ?? openai.baseUrl,
        model: openai.embeddingModel,
        batchSize: openai.embeddingBatchSize,
        concurrency: openai.embeddingConcurrency,
        resilience: openai.resilience,
        signal: options.signal,
        indexedIdentity: options.indexedIdentity,
        fetchDependencies: options.fetchDependencies,
      });
    }
    default:
      return checkExhaustive(provider);
  }
}
