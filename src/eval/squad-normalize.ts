import { hasUnspacedScript, tokenize } from '../text/tokenize.js';

/**
 * Answer matching as the official SQuAD v1.1 evaluation script does it, so our
 * answer-hit numbers mean the same thing as published ones.
 *
 * @see https://github.com/allenai/bi-att-flow/blob/master/squad/evaluate-v1.1.py (`normalize_answer`)
 */

// Python's `string.punctuation`: the 32 ASCII punctuation characters.
const PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;

// Python 3's `re` treats `\b` as a Unicode word boundary (\w = letters, digits, _);
// JavaScript's `\b` is ASCII-only even with the `u` flag, so spell it out.
const ARTICLES = /(?<![\p{L}\p{N}_])(?:a|an|the)(?![\p{L}\p{N}_])/gu;

// The characters Python's `str.split()` splits on (`str.isspace`). It differs from
// JavaScript's `\s`: it includes \x1c-\x1f and \x85 and excludes U+FEFF.
const PYTHON_WHITESPACE = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/u;

/**
 * Normalises an answer like SQuAD v1.1's `normalize_answer`: lowercase, remove
 * ASCII punctuation, replace the whole words a/an/the with a space, then collapse
 * whitespace runs to single spaces and trim.
 *
 * @example
 * normalizeAnswer('The  Cat!'); // 'cat'
 * normalizeAnswer('9 a.m.');    // '9 am'
 */
export function normalizeAnswer(text: string): string {
  const withoutPunctuation = text.toLowerCase().replace(PUNCTUATION, '');
  const withoutArticles = withoutPunctuation.replace(ARTICLES, ' ');
  return withoutArticles.split(PYTHON_WHITESPACE).filter((word) => word !== '').join(' ');
}

/**
 * True when some gold answer, normalised and non-empty, is contained in the
 * normalised answer text. This is a plain substring test, not a token match: it
 * rewards a long answer that contains the gold span (the point for an extractive
 * answerer that returns whole sentences), and it also matches inside words
 * ("cat" is found in "concatenate"), which a padded test would reject.
 *
 * @example
 * answerHit('It was played in Santa Clara, California.', ['Santa Clara']); // true
 */
export function answerHit(answerText: string, goldAnswers: readonly string[]): boolean {
  const normalizedAnswer = normalizeAnswer(answerText);
  return goldAnswers.some((gold) => {
    const normalizedGold = normalizeAnswer(gold);
    return normalizedGold !== '' && normalizedAnswer.includes(normalizedGold);
  });
}

/**
 * The number of words, for answer-length statistics: whitespace-separated
 * words, except that a stretch of Chinese, Japanese, Thai or similar text
 * (written without spaces) counts the words the shared tokenizer segments it
 * into, so lengths compare across languages.
 *
 * @example
 * countWords('one two three');   // 3
 * countWords('我们喜欢读书。');    // 3 (我们 · 喜欢 · 读书)
 */
export function countWords(text: string): number {
  let count = 0;
  for (const piece of text.trim().split(/\s+/)) {
    if (piece === '') continue;
    count += hasUnspacedScript(piece) ? Math.max(1, tokenize(piece).length) : 1;
  }
  return count;
}
