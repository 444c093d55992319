import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import { DEFAULT_CONTEXT_TOKENS, type OpenAIOptions } from '../config/config-schema.js';
import type { ProviderFetchDependencies } from '../embed/provider-fetch.js';
import { explainProviderError } from '../embed/explain-provider-error.js';
import { FootnoteError, throwIfAborted } from '../shared/errors.js';
import type { Answer, AnswerEvent, ConversationTurn, Passage } from '../shared/types.js';
import { buildPrompt, CANNOT_ANSWER_REPLY } from './build-prompt.js';
import { saysItCannotAnswer } from './says-it-cannot-answer.js';
import { loadTokenCounter, type TokenCounter } from './count-tokens.js';
import { findUnsupportedSentences } from './find-unsupported-sentences.js';
import { fitPassages } from './fit-passages.js';
import { createChatModel } from './openai-chat.js';
import { closestPassages } from './to-citation.js';
import { dropRepeatedPassages } from './repeated-text.js';
import { verifyCitations } from './verify-citations.js';

/** The answer when retrieval found nothing: the model is not asked at all. */
export const NO_PASSAGES_ANSWER = `${CANNOT_ANSWER_REPLY} No passage in the index matches the question.`;

/** Options for `answerGeneratively`. */
export interface GenerativeAnswerOptions {
  openai: OpenAIOptions;
  /** Earlier turns of the conversation, oldest first, for follow-up questions. */
  history?: readonly ConversationTurn[];
  signal?: AbortSignal;
  /** Retries of a failed request; default `openai.resilience.maxRetries`. */
  maxRetries?: number;
  /** Counts prompt tokens for the context budget; default `loadTokenCounter()`. */
  countTokens?: TokenCounter;
  /** Replaceable waits between retries, for tests. */
  fetchDependencies?: ProviderFetchDependencies;
}

/** UTF-8 length: no tokenizer's token is shorter than a byte, so this never undercounts. */
function countUtf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * The passages that fit the context budget, less second copies of one (the
 * model would read it twice and cite either). When they all fit by their byte
 * count (the usual case: a handful of passages in a window of thousands of
 * tokens) the tokenizer is not needed; building its tables costs 1–2 s, which
 * only a prompt near the limit is worth.
 */
async function choosePassages(
  question: string,
  retrieved: readonly Passage[],
  options: GenerativeAnswerOptions,
): Promise<Passage[]> {
  const passages = dropRepeatedPassages(retrieved);
  const fit = (countTokens: TokenCounter) =>
    fitPassages(question, passages, {
      contextTokens: options.openai.contextTokens ?? DEFAULT_CONTEXT_TOKENS,
      countTokens,
      history: options.history,
    });
  if (options.countTokens) return fit(options.countTokens);
  const byBytes = fit(countUtf8Bytes);
  return byBytes.length === passages.length ? byBytes : fit(await loadTokenCounter());
}

/** Ends an answer: one `citation` event per citation, then `answer-end`. */
async function* finish(answer: Answer): AsyncGenerator<AnswerEvent, Answer> {
  for (const citation of answer.citations) yield { type: 'citation', citation };
  yield { type: 'answer-end', answer };
  return answer;
}

/**
 * Answers from the passages with a chat model, streaming its words as they come.
 * The passages that fit the context budget (`openai.contextTokens`, counted in
 * tokens) go into the prompt, most relevant first.
 *
 * Events: `answer-start`, then a `text-delta` per streamed piece, then (when the
 * model abstains) `abstain`, then one `citation` per cited passage, then
 * `answer-end`. The deltas are the model's raw words: their `[n]` markers use
 * the prompt's numbering and may name passages that do not exist. After the
 * stream ends, `verifyCitations` drops invalid markers and renumbers the rest
 * 1..m, so **the final `answer.answer` is authoritative** and a UI should
 * replace the streamed text with it. The dropped numbers are listed in
 * `invalidCitations`, and cited sentences their passages do not back in
 * `unsupported`.
 *
 * The answer abstains when the model cites no valid passage and says it cannot
 * answer (its citations are then the closest passages), or, without calling the
 * model, when there are no passages. Provider failures throw `PROVIDER_FAILED`;
 * an aborted `signal` throws `ABORTED`.
 *
 * @example
 * for await (const event of answerGeneratively(question, passages, { openai })) render(event);
 */
export async function* answerGeneratively(
  question: string,
  passages: readonly Passage[],
  options: GenerativeAnswerOptions,
): AsyncGenerator<AnswerEvent, Answer> {
  const model = options.openai.chatModel;
  const { signal } = options;
  yield { type: 'answer-start', mode: 'generative', model };

  if (passages.length === 0) {
    yield { type: 'abstain', reason: 'no passage matches the question' };
    yield { type: 'text-delta', text: NO_PASSAGES_ANSWER };
    const answer: Answer = {
      question,
      answer: NO_PASSAGES_ANSWER,
      mode: 'generative',
      model,
      abstained: true,
      citations: [],
      invalidCitations: [],
      unsupported: [],
    };
    return yield* finish(answer);
  }

  throwIfAborted(signal);
  const shown = await choosePassages(question, passages, options);
  const { system, user } = buildPrompt(question, shown, options.history);
  const chat = createChatModel(options.openai, {
    maxRetries: options.maxRetries,
    fetchDependencies: options.fetchDependencies,
  });
  let raw = '';
  let chunks = 0;
  try {
    const stream = await chat.stream([new SystemMessage(system), new HumanMessage(user)], { signal });
    for await (const chunk of stream) {
      chunks += 1;
      const text = chunk.text;
      if (text === '') continue;
      raw += text;
      yield { type: 'text-delta', text };
    }
  } catch (error) {
    throw await explainProviderError(error, {
      signal,
      secret: options.openai.apiKey,
      baseUrl: options.openai.baseUrl,
      model,
      role: 'chat',
    });
  }

  // Every API stream has a chunk (the role's, at least). A reply without one
  // (an HTML page, a JSON body, events of another API) would read as an empty
  // answer and pass for the model saying the passages do not answer.
  if (chunks === 0) {
    const detail = "the server's reply to /chat/completions was not a stream of chat completion chunks";
    throw new FootnoteError('PROVIDER_BAD_RESPONSE', { role: 'chat', detail });
  }
  const verified = verifyCitations(raw.trim(), shown);
  const abstained = verified.citations.length === 0 && saysItCannotAnswer(verified.text);
  if (abstained) {
    yield { type: 'abstain', reason: 'the model found no answer in the passages' };
  }
  const answer: Answer = {
    question,
    answer: verified.text,
    mode: 'generative',
    model,
    abstained,
    citations: abstained ? closestPassages(shown) : verified.citations,
    invalidCitations: verified.invalidCitations,
    unsupported: abstained ? [] : findUnsupportedSentences(verified.text, verified.citations),
  };
  return yield* finish(answer);
}
