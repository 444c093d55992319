import { ChatOpenAI } from '@langchain/openai';
import type { OpenAIOptions } from '../config/config-schema.js';
import { createClientConfiguration } from '../embed/openai-client-options.js';
import type { ProviderFetchDependencies } from '../embed/provider-fetch.js';

/** Settings of the chat client beyond the user's options; tests lower the retries. */
export interface ChatModelSettings {
  /** Overrides `options.resilience.maxRetries`. */
  maxRetries?: number;
  /** Replaceable waits, for tests. */
  fetchDependencies?: ProviderFetchDependencies;
}

/**
 * Reasoning models (o1, o3, gpt-5 …) reject any temperature but the default, so
 * they get none; every other model answers at temperature 0, which keeps the
 * wording and the citations stable from one run to the next.
 */
function isReasoningModel(model: string): boolean {
  return /^o\d/.test(model) || (model.startsWith('gpt-5') && !model.startsWith('gpt-5-chat'));
}

/**
 * The chat model for generative answers: LangChain's `ChatOpenAI` pointed at
 * OpenAI or at the configured compatible server, with retries and timeouts
 * done by the resilient fetch (LangChain's own retries are off). It asks for no
 * usage report while streaming, which some compatible servers reject.
 */
export function createChatModel(options: OpenAIOptions, settings: ChatModelSettings = {}): ChatOpenAI {
  const resilience = { ...options.resilience };
  if (settings.maxRetries !== undefined) resilience.maxRetries = settings.maxRetries;
  return new ChatOpenAI({
    apiKey: options.apiKey,
    model: options.chatModel,
    configuration: createClientConfiguration(options.baseUrl, resilience, settings.fetchDependencies),
    maxRetries: 0,
    streamUsage: false,
    ...(isReasoningModel(options.chatModel) ? {} : { temperature: 0 }),
  });
}
