import { stem } from '../text/porter-stemmer.js';
import { STOP_WORDS } from '../text/stop-words.js';
import { contentTerms, tokenize } from '../text/tokenize.js';
import type { ConversationTurn, Passage } from '../shared/types.js';
import { passageHeading } from '../shared/passage-heading.js';
import { searchableText } from '../chunk/searchable-text.js';

/** A question with at most this many content words leans on the conversation ("and in 2019?"), unless it names its subject. */
const MAX_SHORT_QUESTION_WORDS = 3;

/**
 * A question with more content words than this says what it is about even
 * when it holds a pronoun: "they" in a long question points inside it.
 */
const MAX_REFERRING_QUESTION_WORDS = 8;

/** Opening words that continue a conversation rather than start one. */
const CONTINUATION_START = /^\s*(and|but|also|so|then|what about|how about|and what|what else|why not)\b/i;

/** Words that point back at something said before ("who else came?", "when did she leave?"). */
const REFERRING_WORDS: ReadonlySet<string> = new Set([
  'he', 'she', 'it', 'they', 'him', 'her', 'them', 'his', 'hers', 'its', 'their', 'theirs',
  'this', 'that', 'these', 'those', 'there', 'else', 'other', 'others', 'another', 'same',
  'former', 'latter',
]);

/**
 * Demonstratives point back only where a stop word or nothing comes before
 * them ("is that true?", "what does this mean?"): after a content word they
 * open a clause ("the team that visited", "said that prices rose").
 */
const DEMONSTRATIVES: ReadonlySet<string> = new Set(['this', 'that', 'these', 'those']);

/** "there" after a form of "be" is existential ("is there a canteen?"), not a place said before. */
const BE_FORMS: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'be', 'been']);

/** Question words are stop words already; these phrasing words carry no topic either. */
const PHRASING_WORDS: ReadonlySet<string> = new Set(['tell', 'know', 'explain', 'describe', 'please', 'happen', 'happened']);

function isContent(token: string): boolean {
  return !STOP_WORDS.has(token) && !PHRASING_WORDS.has(token);
}

function contentTokens(text: string): string[] {
  return tokenize(text).filter(isContent);
}

/** Whether `tokens[i]`, a word of REFERRING_WORDS, points back in this question. */
function refersBack(tokens: readonly string[], i: number): boolean {
  const token = tokens[i]!;
  const before = tokens[i - 1];
  if (DEMONSTRATIVES.has(token)) return before === undefined || !isContent(before);
  if (token === 'there') return before === undefined || !BE_FORMS.has(before);
  return true;
}

/** Whether the question names its subject: a capitalised word other than the first (and "I"), or a number. */
function namesSubject(question: string): boolean {
  const words = question.trim().split(/\s+/u).slice(1);
  return /\d/u.test(question) || words.some((word) => word !== 'I' && /^\P{L}*\p{Lu}/u.test(word));
}

/**
 * Whether a question seems to lean on the conversation: it opens with "and",
 * "what about" and the like; it points back with a pronoun or "else" and is
 * not long; or it is too short to stand alone and names no subject. English
 * cues; a question in another language counts as a follow-up only when it is
 * short. A question with no words at all is not one: there is nothing to
 * carry the conversation into.
 */
export function looksLikeFollowUp(question: string): boolean {
  return followUpCue(question) !== null;
}

/**
 * What makes a question look like a follow-up (see `looksLikeFollowUp`), or
 * null. `short` is the weakest cue: "What are walrus tusks made of?" is short
 * and stands alone, so a caller may check that the corpus links it to the
 * previous question before carrying words over (`linksBothQuestions`).
 */
export function followUpCue(question: string): 'continuation' | 'reference' | 'short' | null {
  const tokens = tokenize(question);
  if (tokens.length === 0) return null;
  if (CONTINUATION_START.test(question)) return 'continuation';
  const contentCount = tokens.filter(isContent).length;
  if (contentCount <= MAX_REFERRING_QUESTION_WORDS &&
    tokens.some((token, i) => REFERRING_WORDS.has(token) && refersBack(tokens, i))) return 'reference';
  return contentCount <= MAX_SHORT_QUESTION_WORDS && !namesSubject(question) ? 'short' : null;
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

/** Passages of the rewritten question that decide whether the conversation's words belong in it. */
const LINKING_PASSAGES = 3;

/**
 * Whether one of the first passages found for a rewritten follow-up holds
 * both a word of the question as asked and one of the words carried over
 * from the previous question (compared by stem).
 */
export function linksBothQuestions(passages: readonly Passage[], asked: string, rewritten: string): boolean {
  // Stop words are no link: a question of them alone ("Why?") has nothing to
  // stand on, so the conversation's words stay.
  const own = new Set(contentTokens(asked).map(stem));
  if (own.size === 0) return true;
  const askedTerms = new Set(contentTerms(asked));
  const carried = contentTerms(rewritten).filter((term) => !askedTerms.has(term));
  return passages.slice(0, LINKING_PASSAGES).some((passage) => {
    const terms = new Set(contentTerms(`${passageHeading(passage) ?? ''} ${searchableText(passage.text, passage.format)}`));
    return [...own].some((term) => terms.has(term)) && carried.some((term) => terms.has(term));
  });
}
