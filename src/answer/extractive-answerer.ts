import { splitSentences } from '../chunk/split-sentences.js';
import type { Answer, AnswerEvent, Citation, Passage } from '../shared/types.js';
import { contentTerms, coverage, type WeightedTerms } from '../retrieve/question-terms.js';

/** Default cap on the sentences an extractive answer quotes. */
export const DEFAULT_MAX_SENTENCES = 3;

/**
 * Below this share of the question's idf weight found in the best passage, the
 * corpus is taken not to answer: quoting it would look like an answer and isn't.
 */
export const MIN_ANSWER_COVERAGE = 0.5;

/** Closest passages listed when the answerer abstains. */
const ABSTAIN_PASSAGES_SHOWN = 3;

/** A sentence to score is kept when it reaches this share of the best sentence's score. */
const RELATIVE_SENTENCE_FLOOR = 0.6;

export const ABSTAIN_TEXT =
  'The corpus does not seem to answer this question. The closest passages are listed below.';

export interface ExtractiveOptions {
  maxSentences?: number;
  minCoverage?: number;
}

interface ScoredSentence {
  text: string;
  passageIndex: number;
  order: number;
  score: number;
}

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
  const minCoverage = options.minCoverage ?? MIN_ANSWER_COVERAGE;

  const passageCoverage = passages.map((passage) => coverage(weights, new Set(contentTerms(passage.text))));
  const bestCoverage = Math.max(0, ...passageCoverage);
  if (passages.length === 0 || bestCoverage < minCoverage) {
    return yield* abstain(question, passages);
  }

  const chosen = chooseSentences(passages, weights, passageCoverage, maxSentences);
  const citationIdByPassage = new Map<number, number>();
  const parts: string[] = [];
  for (const sentence of chosen) {
    let id = citationIdByPassage.get(sentence.passageIndex);
    if (id === undefined) {
      id = citationIdByPassage.size + 1;
      citationIdByPassage.set(sentence.passageIndex, id);
    }
    parts.push(`${sentence.text} [${id}]`);
  }
  const text = parts.join(' ');
  yield { type: 'text-delta', text };
  const citations = [...citationIdByPassage].map(([passageIndex, id]) =>
    toCitation(passages[passageIndex] as Passage, id),
  );
  for (const citation of citations) yield { type: 'citation', citation };
  const answer: Answer = { question, answer: text, mode: 'extractive', model: null, abstained: false, citations };
  yield { type: 'answer-end', answer };
  return answer;
}

/**
 * Scores every sentence by the question weight it covers, nudged by how well its
 * passage covers the question and by retrieval rank, then keeps the best few
 * that add something new, in score order.
 */
function chooseSentences(
  passages: readonly Passage[],
  weights: WeightedTerms,
  passageCoverage: readonly number[],
  maxSentences: number,
): ScoredSentence[] {
  const scored: ScoredSentence[] = [];
  let order = 0;
  passages.forEach((passage, passageIndex) => {
    for (const span of splitSentences(passage.text)) {
      const sentenceCoverage = coverage(weights, new Set(contentTerms(span.text)));
      if (sentenceCoverage === 0) continue;
      const score =
        sentenceCoverage + 0.3 * (passageCoverage[passageIndex] ?? 0) + 0.1 / (passageIndex + 1);
      scored.push({ text: span.text, passageIndex, order: order++, score });
    }
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  const best = scored[0]?.score ?? 0;
  const chosen: ScoredSentence[] = [];
  const seen = new Set<string>();
  for (const sentence of scored) {
    if (chosen.length >= maxSentences || sentence.score < best * RELATIVE_SENTENCE_FLOOR) break;
    // Overlapping chunks repeat sentences; quote each once.
    if (seen.has(sentence.text)) continue;
    seen.add(sentence.text);
    chosen.push(sentence);
  }
  return chosen;
}

async function* abstain(question: string, passages: readonly Passage[]): AsyncGenerator<AnswerEvent, Answer> {
  yield { type: 'abstain', reason: 'no retrieved passage covers enough of the question' };
  yield { type: 'text-delta', text: ABSTAIN_TEXT };
  const citations = passages.slice(0, ABSTAIN_PASSAGES_SHOWN).map((passage, i) => toCitation(passage, i + 1));
  for (const citation of citations) yield { type: 'citation', citation };
  const answer: Answer = {
    question,
    answer: ABSTAIN_TEXT,
    mode: 'extractive',
    model: null,
    abstained: true,
    citations,
  };
  yield { type: 'answer-end', answer };
  return answer;
}

/** A passage as citation `id`: its text is the stored chunk, verbatim from the document. */
export function toCitation(passage: Passage, id: number): Citation {
  return {
    id,
    source: passage.source,
    startLine: passage.startLine,
    endLine: passage.endLine,
    page: passage.page,
    text: passage.text,
    score: passage.score,
  };
}
