import { ChatOpenAI } from '@langchain/openai';
import type { OpenAIOptions } from '../config/config-schema.js';
import { DEFAULT_OPENAI_MAX_RETRIES, OPENAI_API_URL } from '../embed/openai-embedder.js';

/** Settings of the chat client beyond the user's options; tests lower the retries. */
export interface ChatModelSettings {
  /** Retries after the first attempt; default `DEFAULT_OPENAI_MAX_RETRIES`. */
  maxRetries?: number;
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
 * OpenAI or at the configured compatible server. It asks for no usage report
 * while streaming, which some compatible servers reject.
 */
export function createChatModel(options: OpenAIOptions, settings: ChatModelSettings = {}): ChatOpenAI {
  return new ChatOpenAI({
    apiKey: options.apiKey,
    model: options.chatModel,
    configuration: { baseURL: options.baseUrl ?? OPENAI_API_URL },
    maxRetries: settings.maxRetries ?? DEFAULT_OPENAI_MAX_RETRIES,
    streamUsage: false,
    ...(isReasoningModel(options.chatModel) ? {} : { temperature: 0 }),
  });
}
