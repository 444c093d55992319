import { searchableText } from '../chunk/searchable-text.js';
import type { Passage } from '../shared/types.js';
import { contentTerms } from '../text/tokenize.js';
import { coverage, type WeightedTerms } from '../retrieve/question-terms.js';
import { passageHeading } from '../shared/passage-heading.js';

/**
 * When the corpus is taken to answer a question, measured with
 * `bench/measure-abstention.ts`: SQuAD dev indexed whole and, to see
 * questions whose document is missing, with every other article left out
 * (CMRC 2018 trial the same way). Every SQuAD question is answerable, so each
 * abstention on the whole index is a miss.
 */
const ABSTENTION = {
  /**
   * Passages ranked by the reranker: abstain unless the best passage's score
   * plus these shares of a passage's question coverage and of its holding every
   * name the question mentions reaches `minEvidence`. The reranker's score
   * (BM25 relative to the best candidate, plus cosine, sentence coverage and
   * term proximity) tells a passage on the question's subject from one that
   * only shares some of its words better than coverage alone does, and means
   * the same on any corpus. Weights: a logistic fit on the questions of SQuAD
   * dev's even articles (article missing vs answered right), divided by the
   * score's weight and rounded; cut-off: as many questions with a missing
   * article caught as before. Missing caught / answerable abstained, coverage
   * alone → this rule: SQuAD odd articles (unseen by the fit) 79% / 4.5% →
   * 79% / 3.6%, both halves 81% / 5.0% → 80% / 3.9%, CMRC 2018 88% / 3.3% →
   * 90% / 1.9%. On the whole of SQuAD dev it abstains on 3.4% (was 4.2%),
   * on SciFact's test claims 17% (was 25%). Adding question length, the
   * score gap to the second passage, the best sentence's score or
   * cosine apart gained nothing on both languages (issue #3).
   */
  coverageWeight: 0.32,
  namesWeight: 0.08,
  minEvidence: 1.37,
  /**
   * Passages ranked any other way (BM25 alone while the embedding server is
   * unreachable, whose scores grow with the corpus): when no passage holds
   * this share of the question's idf weight, the corpus is taken not to
   * answer. Quoting it would look like an answer and isn't. With half of SQuAD
   * dev's articles left out, 0.5 abstains on 83% of the questions whose
   * article is missing and on 9% of those it could answer (0.4: 65% and 3%;
   * 0.6: 92% and 21%).
   */
  minCoverage: 0.5,
  /**
   * The same when the passage holds every name the question mentions (its
   * capitalised words): the topic is there, so the words it lacks are more
   * likely paraphrase than a sign of a missing document. 0.5 → 0.4 here
   * abstains on 79% (was 81%) of the questions whose article is missing and
   * on 5.4% (was 8.4%) of the others.
   */
  minCoverageWithNames: 0.4,
} as const;

/** How the passages' scores were computed, which decides whether they can be compared with a fixed cut-off. */
export type PassageScores = 'reranked' | 'other';

/** Capitalised words after the first: the names a question mentions, roughly (none in Chinese or Japanese). */
const QUESTION_NAME = /(?<=\S\s+)\p{Lu}[\p{L}\p{M}\p{N}'’-]*/gu;

/**
 * True when some passage is taken to answer the question: it holds enough of
 * the question's idf weight (less when it holds every name the question
 * mentions) and, for reranked passages, the best passage scored well enough.
 * False means the corpus is taken not to answer.
 *
 * @example
 * coversQuestion('Who won?', passages, weights, 'reranked');
 */
export function coversQuestion(
  question: string,
  passages: readonly Passage[],
  weights: WeightedTerms,
  scores: PassageScores,
): boolean {
  const names = [...question.matchAll(QUESTION_NAME)].flatMap((match) => contentTerms(match[0]));
  const topScore = passages[0]?.score ?? 0;
  return passages.some((passage) => {
    // A Markdown heading scopes the text beneath it: `### Windows` over
    // "Run the installer" says what the passage is about.
    const terms = new Set([...contentTerms(searchableText(passage.text, passage.format)), ...contentTerms(passage.section ?? '')]);
    const share = coverage(weights, terms);
    const holdsNames = names.length > 0 && holdsEvery(names, terms, passageHeading(passage));
    if (scores === 'reranked') {
      const evidence =
        topScore + ABSTENTION.coverageWeight * share + (holdsNames ? ABSTENTION.namesWeight : 0);
      return evidence >= ABSTENTION.minEvidence;
    }
    return share >= (holdsNames ? ABSTENTION.minCoverageWithNames : ABSTENTION.minCoverage);
  });
}

/** True when each name is among a passage's terms or its title's (tokenised only when the text lacks one). */
function holdsEvery(names: readonly string[], terms: ReadonlySet<string>, title: string | null): boolean {
  if (names.every((name) => terms.has(name))) return true;
  const titleTerms = new Set(contentTerms(title ?? ''));
  return names.every((name) => terms.has(name) || titleTerms.has(name));
}
