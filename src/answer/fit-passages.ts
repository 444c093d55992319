import type { ConversationTurn, Passage } from '../shared/types.js';
import { buildPrompt, formatPassage } from './build-prompt.js';
import type { TokenCounter } from './count-tokens.js';

/** Tokens kept free for the model's answer. */
export const ANSWER_RESERVE_TOKENS = 1024;

/** Chat formatting the server adds around each message (role markers and separators). */
const MESSAGE_OVERHEAD_TOKENS = 8;

/** What `fitPassages` needs besides the passages. */
export interface FitOptions {
  /** Tokens the whole prompt and the answer may use: the model's context window. */
  contextTokens: number;
  countTokens: TokenCounter;
  history?: readonly ConversationTurn[];
}

/**
 * The passages that fit the model's context together with the instructions,
 * the conversation, the question and `ANSWER_RESERVE_TOKENS` for the answer,
 * taken in the given (most relevant first) order. A passage too large for what
 * is left is skipped and smaller ones after it may still fit. The first passage
 * is always kept, so the model never answers from nothing when passages exist.
 * Pure given `countTokens`.
 *
 * @example
 * fitPassages('Who came?', passages, { contextTokens: 4096, countTokens }); // a prefix-ordered subset
 */
export function fitPassages(
  question: string,
  passages: readonly Passage[],
  options: FitOptions,
): Passage[] {
  const { system, user } = buildPrompt(question, [], options.history);
  let budget =
    options.contextTokens -
    ANSWER_RESERVE_TOKENS -
    2 * MESSAGE_OVERHEAD_TOKENS -
    options.countTokens(system) -
    options.countTokens(user);
  const kept: Passage[] = [];
  for (const passage of passages) {
    // Two newlines separate passages; the number it gets is its place among the kept ones.
    const cost = options.countTokens(`${formatPassage(passage, kept.length)}\n\n`);
    if (kept.length > 0 && cost > budget) continue;
    kept.push(passage);
    budget -= cost;
  }
  return kept;
}
