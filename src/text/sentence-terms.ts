import { contentTerms } from './tokenize.js';

/**
 * A cheap sentence split for scoring (no `Intl.Segmenter`: this runs on every
 * candidate of every question). Display code uses `splitSentences` instead.
 * Chinese and Japanese put no space after `。！？；`, so a break follows them
 * (and the closing quotes after them) directly.
 */
const SENTENCE_BREAK = /(?<=[.!?])\s+|(?<=[。！？；][\p{Pe}\p{Pf}]*)(?![\p{Pe}\p{Pf}])|\n\s*\n/u;

/**
 * A passage as the reranker's features see it: the stemmed content terms of
 * each sentence. Tokenising was most of a question's cost at 100k chunks, so
 * the index stores it per chunk ({@link formatSentenceTerms}).
 */
export function tokenizeSentences(text: string): string[][] {
  return text.split(SENTENCE_BREAK).map((sentence) => contentTerms(sentence));
}

/** The terms of a chunk's title and text, the text the reranker reads. */
export function tokenizePassage(title: string | null, text: string): string[][] {
  return tokenizeSentences(title ? `${title}\n${text}` : text);
}

/**
 * Sentence terms as one string: terms joined by spaces, sentences by newlines.
 * Terms never hold either: `tokenize` splits on every space and line break.
 */
export function formatSentenceTerms(sentences: readonly (readonly string[])[]): string {
  return sentences.map((terms) => terms.join(' ')).join('\n');
}

/** Reads what {@link formatSentenceTerms} wrote. */
export function parseSentenceTerms(stored: string): string[][] {
  return stored.split('\n').map((line) => (line === '' ? [] : line.split(' ')));
}
