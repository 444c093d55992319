import { resolveResilience, type Config, type OpenAIOptions } from './config-schema.js';

/**
 * The OpenAI slice of the config, defaults filled in, or undefined without an
 * API key (eval builds its embedder with it too).
 */
export function openaiOptions(config: Config): OpenAIOptions | undefined {
  if (!config.openaiApiKey) return undefined;
  return {
    apiKey: config.openaiApiKey,
    baseUrl: config.openaiBaseUrl,
    embeddingBaseUrl: config.embeddingBaseUrl,
    embeddingModel: config.embeddingModel,
    chatModel: config.chatModel,
    resilience: resolveResilience(config),
    embeddingBatchSize: config.embeddingBatchSize,
    embeddingConcurrency: config.embeddingConcurrency,
    contextTokens: config.contextTokens,
  };
}

/** A server URL fit for the screen: `http://user:secret@host/v1` shows as `http://host/v1`. */
export function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.href.replace(/\/$/, '');
  } catch {
    return url;
  }
}
