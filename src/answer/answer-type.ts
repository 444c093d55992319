/**
 * What kind of thing an English question asks for, read from its question
 * words: the classic answer-type step of extractive question answering. A
 * sentence that holds such a thing (one the question itself does not mention)
 * is more likely to be the answer. Questions in other languages, or of no
 * recognisable type, get `'other'`, which favours no sentence.
 *
 * @see https://aclanthology.org/C02-1150/ (Li & Roth, learning question classifiers)
 */
export type AnswerType = 'number' | 'time' | 'name' | 'other';

const NUMBER_QUESTION = /\b(how (many|much|long|far|old|large|big|tall|high|often)|what (percentage|percent|number|amount|proportion)|how much)\b/i;
const TIME_QUESTION = /\b(when|what (year|decade|century|date|day|month|time|period)|which (year|decade|century|date|day|month))\b/i;
const NAME_QUESTION = /\b(who|whom|whose|where|which (person|city|country|company|team|state|university|group))\b/i;

/** The answer type a question asks for. */
export function detectAnswerType(question: string): AnswerType {
  if (NUMBER_QUESTION.test(question)) return 'number';
  if (TIME_QUESTION.test(question)) return 'time';
  if (NAME_QUESTION.test(question)) return 'name';
  return 'other';
}

const NUMBER = /\b\d[\d,.]*\b|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|half)\b/gi;
const TIME = /\b(1[0-9]{3}|20[0-9]{2})s?\b|\b(january|february|march|april|may|june|july|august|september|october|november|december|century|decade|spring|summer|autumn|fall|winter)\b|\b\d{1,2}(st|nd|rd|th)\b/gi;
/** A capitalised word that does not start the sentence: a proper name, roughly. */
const NAME = /(?<=[\p{L}\p{N},;:)]\s+)\p{Lu}[\p{L}\p{M}'’-]+/gu;

/**
 * True when `sentence` holds a token of the wanted type that the question does
 * not already contain (`question` in lowercase), so the sentence adds the
 * missing piece rather than repeating the question.
 */
export function hasAnswerOfType(sentence: string, type: AnswerType, questionLower: string): boolean {
  const pattern = type === 'number' ? NUMBER : type === 'time' ? TIME : type === 'name' ? NAME : null;
  if (pattern === null) return false;
  for (const match of sentence.matchAll(pattern)) {
    if (!questionLower.includes(match[0].toLowerCase())) return true;
  }
  return false;
}
