import { searchableText } from '../chunk/searchable-text.js';
import type { TextSpan } from '../chunk/split-sentences.js';
import { quotableSentences } from './quotable-sentences.js';
import { detectAnswerType, hasAnswerOfType } from './answer-type.js';
import { closestPassages, toCitation } from './to-citation.js';
import { toQuote } from './to-quote.js';
import { keyOfWords } from './repeated-text.js';
import type { Answer, AnswerEvent, Passage, Quote } from '../shared/types.js';
import { characterBigrams, contentTerms, contentTermsOf, tokenize } from '../text/tokenize.js';
import {
  coverage,
  weighByLocalRarity,
  type WeightedTerms,
} from '../retrieve/question-terms.js';
import { coversQuestion, type PassageScores } from './covers-question.js';
import { passageHeading } from '../shared/passage-heading.js';

/** Default cap on the sentences an extractive answer quotes. */
export const DEFAULT_MAX_SENTENCES = 2;

/**
 * How sentences are scored, chosen with `npm run eval` on a quarter of SQuAD
 * dev (each step is in the closing note of issue #3; when to abstain is in
 * covers-question.ts): passage weight 0.3 → 0.6 and local weighting 0 → 1 each added about
 * 0.01 to one-sentence answer hit.
 */
const SENTENCE_SCORING = {
  /** Weight of the passage's retrieval score (relative to the best passage). */
  passage: 0.6,
  /** Bonus for holding the kind of thing the question asks for (a number, a date, a name). */
  answerType: 0.15,
  /** How much term weights follow their rarity among the candidate sentences (0..1). */
  local: 1,
  /**
   * Weight of the share of the question's character bigrams found in the
   * sentence (Chinese and Japanese only), beside the share of its words.
   * 0 → 0.5 added 0.007 to one-sentence answer hit on CMRC 2018 trial (1 gave 0.008).
   */
  characterBigrams: 0.5,
  /**
   * Weight of a question term that is in the passage's title (the topic, not
   * the detail asked about). 1 → 0.25: one-sentence answer hit on the first
   * 3,000 SQuAD dev questions 0.675 → 0.683 (0.1: 0.681), on CMRC 2018 trial
   * 0.653 → 0.746; lower helps CMRC more but SQuAD less.
   */
  titleTerm: 0.25,
  /**
   * Weight of the share of the question's adjacent term pairs (`super bowl`,
   * `pro bowl`) that are adjacent in the sentence too: a phrase of the question
   * is stronger evidence than its words scattered. Spaced scripts only; the
   * character bigrams do this for Chinese and Japanese. 0 → 0.3: one-sentence
   * answer hit +0.010 / +0.005 and cited hit +0.010 on two quarters of SQuAD dev.
   */
  questionPhrases: 0.3,
  /**
   * Weight of the question weight found only in the sentence before (same
   * passage): the answer sentence often refers back to the subject the one
   * before it introduced (`Levi's Stadium …. It opened in 2014.`). 0 → 0.35:
   * answer hit +0.003 to +0.005 at one and two sentences on both quarters of
   * SQuAD dev and on CMRC 2018 (both sentences either side, at 0.2: +0.003 /
   * +0.005 at two sentences, nothing at one).
   */
  previousSentence: 0.35,
  /**
   * A second or third sentence is kept when it reaches this share of the best
   * sentence's score. 0.75 → 0.7: two-sentence answer hit +0.005, 2.6 more
   * words on average (48.7).
   */
  relativeFloor: 0.7,
} as const;

export const ABSTAIN_TEXT =
  'The corpus does not seem to answer this question. The closest passages are listed below.';
/** The abstention when retrieval found nothing at all: there is no closest passage to list. */
export const NO_MATCH_TEXT = 'The corpus does not seem to answer this question: no passage matches it.';
/** The abstention for a question of punctuation or spaces alone. */
export const NO_WORDS_TEXT = 'The question has no words to search for; ask it in words.';

export interface ExtractiveOptions {
  maxSentences?: number;
  /**
   * `'reranked'` when the passages come from the reranker, whose scores mean
   * the same on any corpus and so help decide whether to abstain; default
   * `'other'` (coverage alone decides).
   */
  passageScores?: PassageScores;
}

interface ScoredSentence {
  text: string;
  /** Where the sentence is in its passage's text. */
  span: TextSpan;
  /** The Markdown section it sits under. */
  section: string | null;
  passageIndex: number;
  order: number;
  score: number;
}

/** A sentence's copy in one passage: where it is quoted from. */
type SentenceCopy = Pick<ScoredSentence, 'text' | 'span' | 'section' | 'passageIndex' | 'order'>;

/**
 * Answers without a language model: quotes the sentences of the retrieved
 * passages that cover most of the question's weighted terms, each followed by
 * the `[n]` of its passage. Abstains, listing the closest passages, when no
 * passage covers enough of the question.
 */
export async function* answerExtractively(
  question: string,
  passages: readonly Passage[],
  weights: WeightedTerms,
  options: ExtractiveOptions = {},
): AsyncGenerator<AnswerEvent, Answer> {
  yield { type: 'answer-start', mode: 'extractive', model: null };
  const maxSentences = options.maxSentences ?? DEFAULT_MAX_SENTENCES;

  if (!coversQuestion(question, passages, weights, options.passageScores ?? 'other')) {
    return yield* abstain(question, passages);
  }

  const scored = chooseSentences(question, passages, weights, maxSentences);
  // No sentence holds a word of the question when only the passage's title
  // names it ("what does the q3 report say?"; a section's words count in each
  // sentence beneath it): the passage as a whole is the answer, so its opening
  // is quoted.
  const chosen = scored.length > 0 ? scored : openingSentences(passages, maxSentences);
  if (chosen.length === 0) return yield* abstain(question, passages);
  const citationIdByPassage = new Map<number, number>();
  const quotesByPassage = new Map<number, Quote[]>();
  const parts: string[] = [];
  for (const sentence of inReadingOrder(chosen)) {
    let id = citationIdByPassage.get(sentence.passageIndex);
    if (id === undefined) {
      id = citationIdByPassage.size + 1;
      citationIdByPassage.set(sentence.passageIndex, id);
      quotesByPassage.set(sentence.passageIndex, []);
    }
    parts.push(`${sentence.text} [${id}]`);
    quotesByPassage.get(sentence.passageIndex)?.push(toQuote(passages[sentence.passageIndex] as Passage, sentence.span, sentence.section));
  }
  const text = parts.join(' ');
  yield { type: 'text-delta', text };
  const citations = [...citationIdByPassage].map(([passageIndex, id]) => ({
    ...toCitation(passages[passageIndex] as Passage, id),
    quotes: quotesByPassage.get(passageIndex) ?? [],
  }));
  for (const citation of citations) yield { type: 'citation', citation };
  const answer: Answer = { question, answer: text, mode: 'extractive', model: null, abstained: false, citations };
  yield { type: 'answer-end', answer };
  return answer;
}

/**
 * Scores every sentence by the question weight it covers (a little more when
 * the sentence before covers the rest), by the question's phrases it holds, by how
 * well its passage was ranked, and by whether it holds the kind of answer the
 * question wants; then keeps the best few that add something new, in score order.
 */
function chooseSentences(
  question: string,
  passages: readonly Passage[],
  weights: WeightedTerms,
  maxSentences: number,
): ScoredSentence[] {
  const answerType = detectAnswerType(question);
  const questionLower = question.toLowerCase();
  const topScore = passages[0]?.score ?? 0;
  const questionBigrams = new Map(characterBigrams(question).map((bigram) => [bigram, 1]));
  const candidates = passages.flatMap((passage, passageIndex) => {
    // A sentence is scored by what a reader sees of it (a Markdown link by its
    // text, not its URL) and quoted as written; the two have the same offsets.
    const searched = searchableText(passage.text, passage.format);
    return quotableSentences(passage).map(({ span, section }) => {
      const seen = searched.slice(span.start, span.end);
      // Tokenized once: the terms, the key that finds copies and the word pairs all come from these words.
      const words = tokenize(seen);
      const termList = contentTermsOf(words);
      return {
        span,
        seen,
        section,
        passage,
        passageIndex,
        key: keyOfWords(words, seen),
        termList,
        terms: new Set(termList),
        bigrams: new Set(questionBigrams.size > 0 ? characterBigrams(seen) : []),
      };
    });
  });
  const localWeights = weighByLocalRarity(
    weights,
    candidates.map((candidate) => candidate.terms),
    SENTENCE_SCORING.local,
  );
  const weightsByPassage = passages.map((passage) => discountTitleTerms(localWeights, contentTerms(passageHeading(passage) ?? '')));
  const localBigrams = weighByLocalRarity(
    questionBigrams,
    candidates.map((candidate) => candidate.bigrams),
    SENTENCE_SCORING.local,
  );
  const bigramsByPassage = passages.map((passage) => discountTitleTerms(localBigrams, characterBigrams(passageHeading(passage) ?? '')));
  // Chinese and Japanese questions are matched on character bigrams instead.
  const questionPairs = questionBigrams.size > 0 ? new Set<string>() : adjacentPairs(contentTerms(question));
  // A Markdown heading scopes every sentence beneath it, unlike a document's
  // title, which a passage may only mention: the steps under `### Windows`
  // answer "install on Windows" though none says Windows. Its words count in
  // each sentence, at the title-term weight (they are the topic, not the detail).
  const sectionTerms = new Map<string, string[]>();
  const sectionBigrams = new Map<string, string[]>();
  const scored: ScoredSentence[] = [];
  // Each sentence's words, and where they are first found: in the best-ranked
  // passage that holds them (candidates come in passage order).
  const firstCopy = new Map<string, SentenceCopy>();
  candidates.forEach(({ span, section, passageIndex, key }, order) => {
    if (!firstCopy.has(key)) firstCopy.set(key, { text: span.text, span, section, passageIndex, order });
  });
  candidates.forEach(({ span, seen, section, passage, passageIndex, termList, terms: ownTerms, bigrams: ownBigrams }, order) => {
    const terms = withSection(ownTerms, remember(sectionTerms, section, contentTerms));
    const bigrams = withSection(ownBigrams, questionBigrams.size > 0 ? remember(sectionBigrams, section, characterBigrams) : []);
    const termWeights = weightsByPassage[passageIndex] ?? localWeights;
    const sentenceCoverage = coverage(termWeights, terms);
    if (sentenceCoverage === 0) return;
    const bigramCoverage = coverage(bigramsByPassage[passageIndex] ?? localBigrams, bigrams);
    const passageScore = topScore > 0 ? passage.score / topScore : 1 / (passageIndex + 1);
    const previous = candidates[order - 1];
    const withPrevious = previous?.passageIndex === passageIndex ? new Set([...terms, ...previous.terms]) : terms;
    const score =
      sentenceCoverage +
      SENTENCE_SCORING.characterBigrams * bigramCoverage +
      SENTENCE_SCORING.questionPhrases * sharedPairs(questionPairs, termList) +
      SENTENCE_SCORING.previousSentence * (coverage(termWeights, withPrevious) - sentenceCoverage) +
      SENTENCE_SCORING.passage * passageScore +
      (hasAnswerOfType(seen, answerType, questionLower) ? SENTENCE_SCORING.answerType : 0);
    scored.push({ text: span.text, span, section, passageIndex, order, score });
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  const best = scored[0]?.score ?? 0;
  const chosen: ScoredSentence[] = [];
  const quoted = new Set<string>();
  for (const sentence of scored) {
    if (chosen.length >= maxSentences || sentence.score < best * SENTENCE_SCORING.relativeFloor) break;
    // Overlapping chunks repeat sentences, and so do copies of a document
    // (`fs.md` and `fs.html`): each is quoted once, from the best-ranked
    // passage that holds it, though a copy lower down may score higher for
    // the sentences around it.
    const key = candidates[sentence.order]!.key;
    if (quoted.has(key)) continue;
    quoted.add(key);
    chosen.push({ ...sentence, ...firstCopy.get(key) });
  }
  return chosen;
}

/**
 * The chosen sentences as they are read: each passage's in document order
 * (`Levi's Stadium opened in 2014. It seats 68,500.`, not the reverse when the
 * second scored higher), the passages in the order of their best sentence.
 */
function inReadingOrder(chosen: readonly ScoredSentence[]): ScoredSentence[] {
  const passageRank = new Map<number, number>();
  for (const sentence of chosen) if (!passageRank.has(sentence.passageIndex)) passageRank.set(sentence.passageIndex, passageRank.size);
  return [...chosen].sort(
    (a, b) => (passageRank.get(a.passageIndex) ?? 0) - (passageRank.get(b.passageIndex) ?? 0) || a.order - b.order,
  );
}

/** The first `maxSentences` quotable sentences of the best passage. */
function openingSentences(passages: readonly Passage[], maxSentences: number): ScoredSentence[] {
  const best = passages[0];
  if (best === undefined) return [];
  return quotableSentences(best)
    .slice(0, maxSentences)
    .map(({ span, section }, order) => ({ text: span.text, span, section, passageIndex: 0, order, score: 0 }));
}

/** `compute(key)`, computed once per key (sections repeat across a passage's sentences); [] for no key. */
function remember(cache: Map<string, string[]>, key: string | null, compute: (key: string) => string[]): string[] {
  if (key === null) return [];
  let value = cache.get(key);
  if (value === undefined) {
    value = compute(key);
    cache.set(key, value);
  }
  return value;
}

/** A sentence's terms with its section's, or the same set when it has no section. */
function withSection(terms: Set<string>, section: readonly string[] | undefined): Set<string> {
  return section === undefined || section.length === 0 ? terms : new Set([...terms, ...section]);
}

/** Each pair of neighbouring terms, as `first second`. */
function adjacentPairs(terms: readonly string[]): Set<string> {
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < terms.length; i++) pairs.add(`${terms[i]} ${terms[i + 1]}`);
  return pairs;
}

/** Share of the question's term pairs that are also neighbours in a sentence's `terms` (0 when it has none). */
function sharedPairs(questionPairs: ReadonlySet<string>, terms: readonly string[]): number {
  if (questionPairs.size === 0) return 0;
  const pairs = adjacentPairs(terms);
  let shared = 0;
  for (const pair of questionPairs) if (pairs.has(pair)) shared += 1;
  return shared / questionPairs.size;
}

/**
 * Question terms that name the passage's document (its title) are the topic,
 * not the detail asked about: the sentence holding the answer often refers to
 * the topic by a pronoun (`它的根部…`, `Its roots…`), while the sentence that
 * names it merely introduces it.
 */
function discountTitleTerms(weights: WeightedTerms, titleTerms: readonly string[]): WeightedTerms {
  if (titleTerms.length === 0) return weights;
  const discounted = new Map(weights);
  for (const [term, weight] of weights) {
    if (titleTerms.includes(term)) discounted.set(term, weight * SENTENCE_SCORING.titleTerm);
  }
  return discounted;
}

async function* abstain(question: string, passages: readonly Passage[]): AsyncGenerator<AnswerEvent, Answer> {
  const citations = closestPassages(passages);
  const [reason, text] = citations.length > 0
    ? ['no retrieved passage covers enough of the question', ABSTAIN_TEXT]
    : tokenize(question).length === 0
      ? ['the question has no words', NO_WORDS_TEXT]
      : ['no passage matches the question', NO_MATCH_TEXT];
  yield { type: 'abstain', reason };
  yield { type: 'text-delta', text };
  for (const citation of citations) yield { type: 'citation', citation };
  const answer: Answer = {
    question,
    answer: text,
    mode: 'extractive',
    model: null,
    abstained: true,
    citations,
  };
  yield { type: 'answer-end', answer };
  return answer;
}
