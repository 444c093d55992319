import { stem } from '../text/porter-stemmer.js';
import { STOP_WORDS } from '../text/stop-words.js';
import { tokenize } from '../text/tokenize.js';
import type { ConversationTurn } from '../shared/types.js';

/** A question with at most this many content words leans on the conversation ("and in 2019?"). */
const MAX_SHORT_QUESTION_WORDS = 3;

/** Opening words that continue a conversation rather than start one. */
const CONTINUATION_START = /^\s*(and|but|also|so|then|what about|how about|and what|what else|why not)\b/i;

/** Words that point back at something said before ("who else came?", "when did she leave?"). */
const REFERRING_WORDS: ReadonlySet<string> = new Set([
  'he', 'she', 'it', 'they', 'him', 'her', 'them', 'his', 'hers', 'its', 'their', 'theirs',
  'this', 'that', 'these', 'those', 'there', 'else', 'other', 'others', 'another', 'same',
  'former', 'latter',
]);

/** Question words are stop words already; these phrasing words carry no topic either. */
const PHRASING_WORDS: ReadonlySet<string> = new Set(['tell', 'know', 'explain', 'describe', 'please', 'happen', 'happened']);

function contentTokens(text: string): string[] {
  return tokenize(text).filter((token) => !STOP_WORDS.has(token) && !PHRASING_WORDS.has(token));
}

/**
 * Whether a question seems to lean on the conversation: it opens with "and",
 * "what about" and the like, points back with a pronoun or "else", or is too
 * short to stand alone. English cues; a question in another language counts as
 * a follow-up only when it is short.
 */
export function looksLikeFollowUp(question: string): boolean {
  if (CONTINUATION_START.test(question)) return true;
  const tokens = tokenize(question);
  if (tokens.some((token) => REFERRING_WORDS.has(token))) return true;
  return contentTokens(question).length <= MAX_SHORT_QUESTION_WORDS;
}

/**
 * The offline rewrite of a follow-up into a question retrieval can use alone:
 * the previous question's key terms (content words the follow-up lacks) are
 * appended, so "and who else came?" after "Who led the team that visited
 * Safe-Run?" searches for `… led team visited safe run` too. A question that
 * does not look like a follow-up (see `looksLikeFollowUp`) is returned as is,
 * so a change of topic is not polluted by the last one. Pure.
 *
 * @example
 * rewriteFollowUp('and who else came?', [{ question: 'Who led the visit to Safe-Run?', answer: '…' }]);
 * // 'and who else came? led visit safe run'
 */
export function rewriteFollowUp(question: string, history: readonly ConversationTurn[]): string {
  const previous = history.at(-1);
  if (previous === undefined || !looksLikeFollowUp(question)) return question;
  const present = new Set(tokenize(question).map(stem));
  const carried: string[] = [];
  for (const token of contentTokens(previous.question)) {
    const stemmed = stem(token);
    if (present.has(stemmed)) continue;
    present.add(stemmed);
    carried.push(token);
  }
  return carried.length === 0 ? question : `${question.trim()} ${carried.join(' ')}`;
}
