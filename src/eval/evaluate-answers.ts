import { createCitationMarkerPattern } from '../answer/parse-citations.js';
import { DEFAULT_MAX_SENTENCES } from '../answer/extractive-answerer.js';
import type { RetrievalSettings } from '../retrieve/retrieve-passages.js';
import { throwIfAborted } from '../shared/errors.js';
import type { Answer } from '../shared/types.js';
import type { EvalDataset, EvalQuery } from './datasets/eval-dataset.js';
import { createProgressSteps, type AnswerMetrics, type EvalProgress } from './eval-report.js';
import type { EvalIndex } from './prepare-eval-index.js';
import { answerHit, countWords } from './squad-normalize.js';

/** Options for {@link evaluateAnswers}. */
export interface EvaluateAnswersOptions {
  /** Passages each answer is drawn from, as `ask --k`. */
  k: number;
  /** Cap on quoted sentences; default the answerer's own. */
  sentences?: number;
  settings?: RetrievalSettings;
  signal?: AbortSignal;
}

/**
 * Asks every query that has gold answers through the same `ask` the CLI uses and
 * scores the final answers: answer hit (SQuAD-normalised containment, with the
 * `[n]` markers stripped), cited hit (the first citation is a relevant record),
 * abstention rate and mean length in words of the answers given.
 *
 * @example
 * const answers = yield* evaluateAnswers(index, squad, { k: 5, sentences: 1 });
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
    for (const [i, query] of questions.entries()) {
      throwIfAborted(options.signal);
      const answer = await finalAnswer(footnote.ask(query.text, { k: options.k, signal: options.signal }));
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
