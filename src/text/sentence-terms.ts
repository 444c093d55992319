import { FNV_OFFSET_BASIS, fnvStep, hashString } from './fnv-hash.js';
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

/** Where a term occurs in a passage's sentence terms. */
export interface TermHit {
  /** Index of the sentence (the title is in the first). */
  sentence: number;
  /** Index of the term among all of the passage's terms. */
  position: number;
}

/** What the reranker reads of a passage: its length and where the terms it asks about occur. */
export interface TermHits {
  /** Terms in the passage, every sentence together. */
  termCount: number;
  /** Each wanted term the passage holds, with its hits in passage order. */
  hits: Map<string, TermHit[]>;
}

const SPACE = 0x20;
const NEWLINE = 0x0a;

/** Bits of the quick filter that rules most terms out before a map lookup. */
const FILTER_BITS = 10;
const FILTER_MASK = (1 << FILTER_BITS) - 1;

/**
 * A finder of `wanted` in what {@link formatSentenceTerms} wrote: prepare it
 * once per question, then call it on each candidate. One pass over the stored
 * text, without making a string of each term: at 100k chunks, splitting every
 * candidate into term strings cost about 1 ms a question (and garbage
 * collection after), while the reranker reads only the question's few terms.
 * Each term is hashed as it is scanned, and only a hash that some wanted term
 * has is compared with it.
 *
 * @example
 * const find = termFinder(['heron']);
 * find('heron wade\nfish'); // { termCount: 3, hits: Map { 'heron' => [{ sentence: 0, position: 0 }] } }
 */
export function termFinder(wanted: Iterable<string>): (stored: string) => TermHits {
  const termsByHash = new Map<number, string[]>();
  const filter = new Uint8Array(1 << FILTER_BITS);
  for (const term of wanted) {
    const hash = hashString(term);
    const same = termsByHash.get(hash);
    if (same) same.push(term);
    else termsByHash.set(hash, [term]);
    filter[hash & FILTER_MASK] = 1;
  }

  return (stored) => {
    const hits = new Map<string, TermHit[]>();
    const length = stored.length;
    let sentence = 0;
    let position = 0;
    let i = 0;
    while (i < length) {
      // Each term's characters get a tight loop of their own. One loop over
      // every character, branching at each, took 1.27 ms instead of 0.89 ms
      // for 250 candidates at 100k chunks (medians of four alternating runs).
      const start = i;
      let hash = FNV_OFFSET_BASIS;
      let codeUnit = stored.charCodeAt(i);
      while (codeUnit !== SPACE && codeUnit !== NEWLINE) {
        hash = fnvStep(hash, codeUnit);
        if (++i === length) break;
        codeUnit = stored.charCodeAt(i);
      }
      // A separator ends the term since `start`, unless it closes an empty sentence.
      if (i > start) {
        if (filter[hash & FILTER_MASK] === 1) {
          for (const term of termsByHash.get(hash) ?? []) {
            if (term.length !== i - start || !stored.startsWith(term, start)) continue;
            const list = hits.get(term);
            if (list) list.push({ sentence, position });
            else hits.set(term, [{ sentence, position }]);
          }
        }
        position += 1;
      }
      if (codeUnit === NEWLINE && i < length) sentence += 1;
      i += 1;
    }
    return { termCount: position, hits };
  };
}
