import { stem } from '../text/porter-stemmer.js';
import { STOP_WORDS } from '../text/stop-words.js';
import { tokenize } from '../text/tokenize.js';
import type { Citation, UnsupportedSentence } from '../shared/types.js';
import { createCitationMarkerPattern, readMarkerNumbers, stripCitationMarkers } from './parse-citations.js';

/**
 * A cited sentence needs at least this share of its content words in the
 * passages it cites. Half leaves room for the paraphrase and connecting words a
 * model adds, and still catches a sentence about something else. Measured on
 * SQuAD dev (bench/measure-support-check.ts, 2,000 samples): question+answer
 * statements cited to their paragraph pass 97.2% (0.4: 98.8%, 0.6: 91.7%);
 * a sentence cited to another paragraph of its article is flagged 98.0%
 * (0.4: 95.8%, 0.6: 99.5%).
 */
export const MIN_SUPPORT = 0.5;

/** Created once: constructing a segmenter costs far more than using it. */
const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Markers at the very start of a sentence, which belong to the sentence before (`big. [1] Lyon`). */
const LEADING_MARKERS = new RegExp(`^(?:\\s*${createCitationMarkerPattern().source})+\\s*`);

/**
 * Words a model writes around a claim rather than in it: connectives and talk
 * about the sources ("According to the passage, …", "The document also
 * states …"). They are in no stop-word list, yet counting them would make a
 * sentence about the passages look unsupported by them.
 */
const FRAMING_WORDS: ReadonlySet<string> = new Set([
  'also', 'however', 'moreover', 'furthermore', 'additionally', 'thus', 'therefore', 'hence',
  'likewise', 'instead', 'overall', 'according', 'passage', 'passages', 'document', 'documents',
  'text', 'source', 'sources', 'mention', 'mentions', 'mentioned', 'state', 'states', 'stated',
  'say', 'says', 'said', 'note', 'notes', 'noted', 'indicate', 'indicates', 'indicated',
  'describe', 'describes', 'described', 'explain', 'explains', 'explained',
]);

/** Stemmed content words: no stop words, framing words or one-letter tokens. */
function contentWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const token of tokenize(text)) {
    if (STOP_WORDS.has(token) || FRAMING_WORDS.has(token) || (token.length < 2 && !/\p{N}/u.test(token))) continue;
    words.add(stem(token));
  }
  return words;
}

/** The answer's sentences, with leading markers moved back to the sentence they follow. */
function splitAnswerSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const { segment } of sentenceSegmenter.segment(text)) {
    const leading = LEADING_MARKERS.exec(segment)?.[0] ?? '';
    if (leading !== '' && sentences.length > 0) {
      sentences[sentences.length - 1] += leading.trimEnd();
      const rest = segment.slice(leading.length);
      if (rest.trim() !== '') sentences.push(rest);
    } else if (segment.trim() !== '') sentences.push(segment);
  }
  return sentences.map((sentence) => sentence.trim());
}

/**
 * The cited sentences of a verified answer that their cited passages do not
 * seem to support: fewer than `MIN_SUPPORT` of the sentence's content words
 * (stemmed, stop words left out) occur in the cited passages together. A
 * lexical check, so it flags invented details and misattributed citations but
 * not a sentence that reuses the passage's words to say something else.
 * Sentences without markers, or without content words, are not judged. Pure.
 *
 * @example
 * findUnsupportedSentences('Paris is in France [1]. It has ten moons [1].', citations);
 * // [{ sentence: 'It has ten moons [1].', citations: [1], support: 0 }]
 */
export function findUnsupportedSentences(
  answerText: string,
  citations: readonly Citation[],
): UnsupportedSentence[] {
  const citationsById = new Map(citations.map((citation) => [citation.id, citation]));
  const passageWords = new Map<number, Set<string>>();
  const unsupported: UnsupportedSentence[] = [];
  for (const sentence of splitAnswerSentences(answerText)) {
    const ids = [
      ...new Set(
        [...sentence.matchAll(createCitationMarkerPattern())].flatMap((match) => readMarkerNumbers(match[1] ?? '')),
      ),
    ].filter((id) => citationsById.has(id));
    if (ids.length === 0) continue;
    const words = contentWords(stripCitationMarkers(sentence));
    if (words.size === 0) continue;
    let found = 0;
    for (const word of words) {
      const inAny = ids.some((id) => {
        let known = passageWords.get(id);
        if (known === undefined) {
          known = contentWords(citationsById.get(id)?.text ?? '');
          passageWords.set(id, known);
        }
        return known.has(word);
      });
      if (inAny) found += 1;
    }
    const support = found / words.size;
    if (support < MIN_SUPPORT) {
      unsupported.push({ sentence, citations: ids, support: Math.round(support * 100) / 100 });
    }
  }
  return unsupported;
}
