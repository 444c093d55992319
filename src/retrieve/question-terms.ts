import { contentTerms } from '../text/tokenize.js';
import type { TermStatistics } from '../shared/types.js';
import { backgroundShares } from './background-prior.js';

/**
 * Words that phrase a question rather than name its subject ("when did it
 * happen", "what is X called"), as stems. They are kept for search but weigh
 * little in answering, where, absent from a small corpus, they would otherwise
 * count as the rarest terms of all and make the answerer abstain.
 */
const QUESTION_PHRASING: ReadonlySet<string> = new Set(
  ['happen', 'occur', 'take', 'place', 'call', 'name', 'mean', 'known', 'describ', 'refer', 'kind', 'type', 'mani', 'much'],
);

/**
 * The same for Chinese and Japanese, as words `tokenize` gives: the question
 * words (哪, 谁, 几, 多少, 什么, 怎么, 为什么, 何时; いつ, どこ, 誰, 何, なぜ) and
 * the words the dictionary forms from them (`哪位`, `几年`, `谁是`, `何年`,
 * `多少钱`). The answer holds the thing asked for (`1588年`), never the
 * question word. Prefixes for Chinese; Japanese kana words only whole, since
 * kana prefixes start ordinary words too (`どう` → `どうぶつ`).
 */
const CJK_QUESTION_PHRASING =
  /^(?:哪|谁|誰|几|幾|多少|什么|甚么|什麼|怎|为什么|為什麼|为何|為何|如何|是否|何)|^(?:多|吗|嗎|呢|いつ|どこ|どれ|どの|どう|どんな|なぜ|なに|なん|いくつ|いくら|だれ)$/u;

/**
 * Chinese and Japanese function words (particles, auxiliaries, the copula).
 * English has a stop list for these; here they stay searchable but weigh like
 * phrasing words, since a small corpus that lacks `是` or `的` in the answer's
 * passage would otherwise count them as its rarest terms and abstain.
 */
const CJK_FUNCTION_WORDS: ReadonlySet<string> = new Set([
  '的', '是', '了', '在', '有', '被', '把', '和', '与', '及', '之', '也', '都', '就', '而', '其',
  '这', '那', '个', '为', '于', '以', '对', '从', '到', '吧', '著', '着', '过',
  'は', 'が', 'を', 'に', 'で', 'と', 'の', 'も', 'へ', 'や', 'か', 'から', 'まで', 'より', 'です',
  'ます', 'でした', 'ました', 'しま', 'した', 'して', 'する', 'され', 'だ', 'な', 'ね', 'よ', 'た',
  'れ', 'ら', 'い', 'う', 'ありま', 'すか',
]);

/** True for a term that phrases a question rather than naming its subject. */
export function isQuestionPhrasing(term: string): boolean {
  return QUESTION_PHRASING.has(term) || CJK_FUNCTION_WORDS.has(term) || CJK_QUESTION_PHRASING.test(term);
}

/** Weight of a phrasing word relative to its idf. */
const QUESTION_PHRASING_FACTOR = 0.2;

/** A question's content terms (stemmed) with their inverse document frequency. */
export type WeightedTerms = Map<string, number>;

/**
 * BM25's idf of each of a question's content terms (stemmed) in the corpus,
 * ln(1 + (N − df + 0.5) / (df + 0.5)).
 *
 * @see https://en.wikipedia.org/wiki/Okapi_BM25
 */
export function measureCorpusIdf(question: string, statistics: TermStatistics): Map<string, number> {
  const terms = [...new Set(contentTerms(question))];
  const frequencies = statistics.documentFrequency(terms);
  const n = statistics.passageCount;
  return new Map(
    terms.map((term) => {
      const df = frequencies.get(term) ?? 0;
      return [term, Math.log(1 + (n - df + 0.5) / (df + 0.5))];
    }),
  );
}

/**
 * Weights each question term by BM25's idf, so a match on "Safe-Run" counts
 * far more than one on "company". In a small corpus the idf of a common
 * English word is shrunk toward how common it is in English at large
 * ({@link backgroundShares}); pass `idf` and `shares` when already measured.
 *
 * @see https://en.wikipedia.org/wiki/Okapi_BM25
 */
export function weighQuestionTerms(
  question: string,
  statistics: TermStatistics,
  idf: ReadonlyMap<string, number> = measureCorpusIdf(question, statistics),
  shares: ReadonlyMap<string, number> = backgroundShares(question, statistics.passageCount),
): WeightedTerms {
  return new Map(
    [...idf].map(([term, termIdf]) => {
      const weight = termIdf * (shares.get(term) ?? 1);
      return [term, isQuestionPhrasing(term) ? weight * QUESTION_PHRASING_FACTOR : weight];
    }),
  );
}

/** Share of the question's idf weight whose terms occur in `terms` (0..1). */
export function coverage(weights: WeightedTerms, terms: ReadonlySet<string>): number {
  let total = 0;
  let matched = 0;
  for (const [term, weight] of weights) {
    total += weight;
    if (terms.has(term)) matched += weight;
  }
  return total === 0 ? 0 : matched / total;
}

/**
 * Re-weighs question terms by how rare they are among a set of candidate texts
 * (each given as its set of terms): a term in nearly every candidate (the
 * topic, like the name of the article) tells them apart less than its
 * index-wide idf suggests. `strength` 0 keeps the weights, 1 scales each by its
 * local rarity, ln(1 + n / (n_t + 1)) / ln(1 + n).
 */
export function weighByLocalRarity(
  weights: WeightedTerms,
  candidates: readonly ReadonlySet<string>[],
  strength: number,
): WeightedTerms {
  if (strength === 0 || candidates.length === 0) return weights;
  const n = candidates.length;
  const local = new Map<string, number>();
  for (const [term, weight] of weights) {
    const containing = candidates.filter((terms) => terms.has(term)).length;
    const rarity = Math.log(1 + n / (containing + 1)) / Math.log(1 + n);
    local.set(term, weight * (1 - strength + strength * rarity));
  }
  return local;
}
