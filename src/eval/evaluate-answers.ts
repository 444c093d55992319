import { createCitationMarkerPattern } from '../answer/parse-citations.js';
import { DEFAULT_MAX_SENTENCES } from '../answer/extractive-answerer.js';
import type { Footnote } from '../footnote-types.js';
import type { RetrievalSettings } from '../retrieve/retrieve-passages.js';
import { throwIfAborted } from '../shared/errors.js';
import type { Answer, Passage } from '../shared/types.js';
import type { EvalDataset, EvalQuery } from './datasets/eval-dataset.js';
import { createProgressSteps, type AnswerMetrics, type EvalProgress } from './eval-report.js';
import type { EvalIndex } from './prepare-eval-index.js';
import { answerHit, countWords } from './squad-normalize.js';

/**
 * Questions whose own retrieval is compared with the reused passages before
 * trusting them; a cheap guard against retrieval that depends on `k` in a way
 * that makes the top k of a deeper ranking differ from what `ask` retrieves.
 */
const REUSE_CHECK_QUESTIONS = 20;

/** Options for {@link evaluateAnswers}. */
export interface EvaluateAnswersOptions {
  /** Passages each answer is drawn from, as `ask --k`. */
  k: number;
  /** Cap on quoted sentences; default the answerer's own. */
  sentences?: number;
  settings?: RetrievalSettings;
  /**
   * Passages already retrieved with `settings` (from {@link evaluateRetrieval}'s
   * `keepPassages`): their top k are answered from instead of retrieving again.
   * Ignored, and every question retrieved as `ask` does, when a spot check finds
   * them different from what `ask` retrieves.
   */
  retrieved?: ReadonlyMap<EvalQuery, readonly Passage[]>;
  signal?: AbortSignal;
}

/**
 * Asks every query that has gold answers through the same `ask` the CLI uses and
 * scores the final answers: answer hit (SQuAD-normalised containment, with the
 * `[n]` markers stripped), cited hit (the first citation is a relevant record),
 * abstention rate and mean length in words of the answers given. Pass
 * `retrieved` to answer from passages retrieved earlier: on SQuAD, retrieval is
 * most of the cost of an answer.
 *
 * @example
 * const { passages } = yield* evaluateRetrieval(index, squad, { settings, keepPassages: 5 });
 * const answers = yield* evaluateAnswers(index, squad, { k: 5, sentences: 1, settings, retrieved: passages });
 */
export async function* evaluateAnswers(
  index: EvalIndex,
  dataset: EvalDataset,
  options: EvaluateAnswersOptions,
): AsyncGenerator<EvalProgress, AnswerMetrics> {
  const questions = dataset.queries.filter((query) => (query.answers?.length ?? 0) > 0);
  const footnote = index.open({ retrieval: options.settings, maxSentences: options.sentences });
  try {
    const progress = createProgressSteps('answer', questions.length);
    let hits = 0;
    let citedHits = 0;
    let abstentions = 0;
    let words = 0;
    yield { type: 'eval-progress', phase: 'answer', done: 0, total: questions.length };
    const retrieved = await checkReusable(footnote, questions, options);
    for (const [i, query] of questions.entries()) {
      throwIfAborted(options.signal);
      const passages = retrieved?.get(query)?.slice(0, options.k);
      const answer = await finalAnswer(
        footnote.ask(query.text, { k: options.k, passages, signal: options.signal }),
      );
      if (answer.abstained) abstentions += 1;
      else {
        const text = stripCitationMarkers(answer.answer);
        if (answerHit(text, query.answers ?? [])) hits += 1;
        if (isCitedHit(answer, query)) citedHits += 1;
        words += countWords(text);
      }
      const update = progress(i + 1);
      if (update) yield update;
    }
    const count = questions.length;
    const answered = count - abstentions;
    return {
      questions: count,
      answerHit: count === 0 ? Number.NaN : hits / count,
      citedHit: count === 0 ? Number.NaN : citedHits / count,
      abstentionRate: count === 0 ? Number.NaN : abstentions / count,
      meanWords: answered === 0 ? Number.NaN : words / answered,
      sentences: index.config.provider === 'openai' ? null : (options.sentences ?? DEFAULT_MAX_SENTENCES),
    };
  } finally {
    footnote.close();
  }
}

/** Citation markers with the spaces before them: "large [2]." becomes "large.". */
const MARKER_WITH_SPACE = new RegExp(String.raw`\s*` + createCitationMarkerPattern().source, 'g');

/** The answer text without its `[n]` markers, which are not part of what it says. */
export function stripCitationMarkers(text: string): string {
  return text.replace(MARKER_WITH_SPACE, '').trim();
}

/** `options.retrieved` when its top k match what `ask` retrieves for a sample of questions, else undefined. */
async function checkReusable(
  footnote: Footnote,
  questions: readonly EvalQuery[],
  options: EvaluateAnswersOptions,
): Promise<ReadonlyMap<EvalQuery, readonly Passage[]> | undefined> {
  const retrieved = options.retrieved;
  if (retrieved === undefined) return undefined;
  for (const query of questions.slice(0, REUSE_CHECK_QUESTIONS)) {
    const own = await footnote.retrieve(query.text, { k: options.k, signal: options.signal });
    const reused = retrieved.get(query)?.slice(0, options.k);
    if (reused === undefined || !sameIds(own, reused)) return undefined;
  }
  return retrieved;
}

function sameIds(left: readonly Passage[], right: readonly Passage[]): boolean {
  return left.length === right.length && left.every((passage, i) => passage.id === right[i]?.id);
}

function isCitedHit(answer: Answer, query: EvalQuery): boolean {
  const first = answer.citations[0];
  return first !== undefined && (query.relevant.get(first.source) ?? 0) > 0;
}

/** Runs `ask` to the end, ignoring the streamed events. */
async function finalAnswer(run: AsyncGenerator<unknown, Answer>): Promise<Answer> {
  for (;;) {
    const step = await run.next();
    if (step.done) return step.value;
  }
}
