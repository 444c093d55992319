import type { TermStatistics } from '../shared/types.js';
import { isEnglishWord } from '../text/english-words.js';
import { stem } from '../text/porter-stemmer.js';
import { STOP_WORDS } from '../text/stop-words.js';
import { tokenize } from '../text/tokenize.js';

/**
 * Words shorter than this are never corrected: one edit turns most short
 * words into other words (`cat` → `car`), as Meilisearch's one-typo threshold.
 * @see https://www.meilisearch.com/docs/learn/relevancy/typo_tolerance_settings
 */
const MIN_CORRECTED_LENGTH = 5;
/**
 * Nor are words longer than SCOWL's longest (45 letters): such a word is a
 * pasted hash or blob, not a typo, and its edits grow with the square of its
 * length (8,000 letters took 47 s and 4 GB, then crashed; 100,000 overflowed
 * the regular expression that finds it in the question).
 */
const MAX_CORRECTED_LENGTH = 45;
/** Edits are spelled with these letters; words in other scripts are left alone. */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';
const CORRECTABLE_WORD = /^[a-z]+$/;

/** A question word read as another. */
export interface SpellingCorrection {
  from: string;
  to: string;
}

/**
 * Typo tolerance: a question word that no passage holds and that is not an
 * English word is read as the word one edit away (a letter deleted, inserted
 * or replaced, or two neighbours swapped) whose stem the most passages hold,
 * as Norvig's corrector picks the likeliest candidate; a word with no such
 * neighbour stays. Only words the index has never seen change, so a question
 * spelt right is rarely altered.
 *
 * The English word list keeps words the corpus lacks from becoming other
 * words: without it, 82 of SQuAD dev's first 3,000 questions changed, among
 * them `bride` → `bridge`, `giver` → `river`, `stats` → `states`; with it, 45,
 * nearly all typos (`goverment`, `unkown`). It costs a British or American
 * spelling that the corpus spells the other way (`colour` stays `colour`).
 *
 * Measured with `bench/measure-misspellings.ts` (the longest word of each
 * question misspelt by swapping two letters), without correction → with it:
 * - SQuAD dev, first 3,000 questions, recall@1: misspelt 0.634 → 0.752; as
 *   written 0.757 → 0.760 (the questions' own typos);
 * - SciFact, nDCG@10: misspelt 0.655 → 0.689; as written 0.690 → 0.690 (12
 *   of 300 claims change: `microenviroment`, `methyltrasnferase`). Without
 *   the word list it was 0.687, from words like `merlin` → `medlin`;
 * - CMRC 2018 (Chinese) is left as it is.
 * Cost: nothing for a word the index knows; a few hundred vocabulary lookups
 * for one it does not, 1–80 ms on SciFact's 5,183 abstracts (longer words
 * have more edits), and reading the word list once (~20 ms).
 *
 * @see https://norvig.com/spell-correct.html
 * @example
 * correctSpelling('Who led the goverment?', statistics);
 * // { question: 'Who led the government?', corrections: [{ from: 'goverment', to: 'government' }] }
 */
export function correctSpelling(
  question: string,
  statistics: TermStatistics,
): { question: string; corrections: SpellingCorrection[] } {
  const candidates = [...new Set(tokenize(question))].filter(
    (word) =>
      word.length >= MIN_CORRECTED_LENGTH &&
      word.length <= MAX_CORRECTED_LENGTH &&
      CORRECTABLE_WORD.test(word) &&
      !STOP_WORDS.has(word),
  );
  // One lookup for the whole question; the keyword search asks for the same stems next, from the cache.
  const frequencies = statistics.documentFrequency(candidates.map(stem));
  // A word the corpus lacks but English has is asked about, not misspelt.
  const unknown = candidates.filter((word) => frequencies.get(stem(word)) === 0 && !isEnglishWord(word));
  const corrections: SpellingCorrection[] = [];
  let corrected = question;
  for (const word of unknown) {
    const typed = new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, 'giu');
    const spellings = corrected.match(typed) ?? [];
    // The tokenizer folds accents, so the word as typed may not be found; and
    // capitals inside a word (`PtdIns`, `OPMLs`) make it a name, not a typo.
    if (spellings.length === 0 || spellings.some((spelling) => /\p{Lu}/u.test(spelling.slice(1)))) continue;
    const to = likeliestNeighbour(word, statistics);
    if (to === null) continue;
    corrected = corrected.replace(typed, to);
    corrections.push({ from: word, to });
  }
  return { question: corrected, corrections };
}

/** The word one edit from `word` whose stem the most passages hold, or null when no passage holds any. */
function likeliestNeighbour(word: string, statistics: TermStatistics): string | null {
  const wordByStem = new Map<string, string>();
  for (const edit of editsOf(word)) {
    const editStem = stem(edit);
    if (!wordByStem.has(editStem)) wordByStem.set(editStem, edit);
  }
  let best: string | null = null;
  let bestPassages = 0;
  for (const [editStem, passages] of statistics.documentFrequency([...wordByStem.keys()])) {
    if (passages > bestPassages) {
      best = wordByStem.get(editStem) ?? null;
      bestPassages = passages;
    }
  }
  return best;
}

/**
 * Every string one swap of neighbours, insertion, deletion or replacement away
 * from `word`, in that order: when several share the stem the index knows
 * (`goverment` → `government`, `governent`), the first is the one quoted back,
 * and a replacement inside a suffix the stemmer strips is the least likely
 * to be a word.
 */
function editsOf(word: string): string[] {
  const edits: string[] = [];
  for (let i = 0; i + 1 < word.length; i++) edits.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  for (let i = 0; i <= word.length; i++) {
    for (const letter of ALPHABET) edits.push(word.slice(0, i) + letter + word.slice(i));
  }
  for (let i = 0; i < word.length; i++) edits.push(word.slice(0, i) + word.slice(i + 1));
  for (let i = 0; i < word.length; i++) {
    for (const letter of ALPHABET) if (letter !== word[i]) edits.push(word.slice(0, i) + letter + word.slice(i + 1));
  }
  return edits;
}
