import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import type { OpenAIOptions } from '../config/config-schema.js';
import type { ProviderFetchDependencies } from '../embed/provider-fetch.js';
import { explainProviderError } from '../embed/explain-provider-error.js';
import type { ConversationTurn } from '../shared/types.js';
import { MAX_HISTORY_TURNS } from './build-prompt.js';
import { createChatModel } from './openai-chat.js';
import { stripCitationMarkers } from './parse-citations.js';
import { rewriteFollowUp } from './rewrite-follow-up.js';
import { saysItCannotAnswer } from './says-it-cannot-answer.js';
import { contentTerms } from '../text/tokenize.js';

/** A rewrite longer than this is a model rambling, not a question. */
const MAX_REWRITE_CHARS = 500;

/** Earlier answers are cut to this many characters: the rewrite needs their topic, not their detail. */
const MAX_ANSWER_CHARS = 400;

const REWRITE_INSTRUCTIONS = [
  'Rewrite the last question of a conversation as a standalone question that can be understood without the conversation.',
  'Replace pronouns and references with the names and terms they stand for. Keep the language of the question.',
  'If the question already stands alone, repeat it unchanged. Reply with the question only, on one line.',
].join('\n');

/** Options for `rewriteFollowUpWithModel`. */
export interface RewriteOptions {
  openai: OpenAIOptions;
  signal?: AbortSignal;
  maxRetries?: number;
  fetchDependencies?: ProviderFetchDependencies;
}

/** The model's reply reduced to one question: first line, no label, no quotes. */
export function cleanRewrite(reply: string): string {
  const line = reply.split('\n').find((part) => part.trim() !== '') ?? '';
  return line
    .trim()
    .replace(/^(standalone question|question|rewritten question)\s*:\s*/i, '')
    .replace(/^["“'«]+|["”'»]+$/g, '')
    .trim();
}

/**
 * The follow-up rewritten by the chat model into a standalone question for
 * retrieval, from the last few turns of the conversation. An empty or
 * oversized reply falls back to the offline `rewriteFollowUp`. Provider
 * failures throw as `toProviderError` says.
 *
 * @example
 * await rewriteFollowUpWithModel('and who else came?', history, { openai }); // 'Who else came on the visit to Safe-Run?'
 */
export async function rewriteFollowUpWithModel(
  question: string,
  history: readonly ConversationTurn[],
  options: RewriteOptions,
): Promise<string> {
  if (history.length === 0) return question;
  const conversation = history
    .slice(-MAX_HISTORY_TURNS)
    .map((turn) => `User: ${turn.question}\nAssistant: ${stripCitationMarkers(turn.answer).slice(0, MAX_ANSWER_CHARS)}`)
    .join('\n\n');
  const chat = createChatModel(options.openai, {
    maxRetries: options.maxRetries,
    fetchDependencies: options.fetchDependencies,
  });
  let reply: string;
  try {
    const message = await chat.invoke(
      [new SystemMessage(REWRITE_INSTRUCTIONS), new HumanMessage(`${conversation}\n\nLast question: ${question}`)],
      { signal: options.signal },
    );
    reply = message.text;
  } catch (error) {
    throw await explainProviderError(error, {
      signal: options.signal,
      secret: options.openai.apiKey,
      baseUrl: options.openai.baseUrl,
      model: options.openai.chatModel,
      role: 'chat',
    });
  }
  const rewritten = cleanRewrite(reply);
  // A refusal is no question to search for; nor is an essay, nor a reply
  // that shares no word with the conversation ("Sorry, I can't help with that.").
  const refusal = !/[?？]$/u.test(rewritten) && saysItCannotAnswer(rewritten);
  const said = new Set(contentTerms(`${conversation}\n${question}`));
  const offTopic = !contentTerms(rewritten).some((term) => said.has(term));
  if (rewritten === '' || rewritten.length > MAX_REWRITE_CHARS || refusal || offTopic) {
    return rewriteFollowUp(question, history);
  }
  return rewritten;
}
