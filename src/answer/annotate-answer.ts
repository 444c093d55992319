import type { Answer, AnswerEvent, AnswerFallback } from '../shared/types.js';

/** What the facade adds to an answerer's answer. */
export interface AnswerAnnotation {
  /** Why the answer is extractive although generated answers were configured. */
  fallback?: AnswerFallback;
  /** The rewritten follow-up that passages were retrieved for. */
  retrievalQuestion?: string;
}

/**
 * Passes an answerer's events through, adding the annotation to the finished
 * answer (in `answer-end` and the return value) and the fallback, if any, to
 * `answer-start`, so a UI can label the answer before its first word.
 */
export async function* annotateAnswer(
  run: AsyncGenerator<AnswerEvent, Answer>,
  annotation: AnswerAnnotation,
): AsyncGenerator<AnswerEvent, Answer> {
  const fields = Object.fromEntries(Object.entries(annotation).filter(([, value]) => value !== undefined));
  for (;;) {
    const step = await run.next();
    if (step.done) return { ...step.value, ...fields };
    const event = step.value;
    if (event.type === 'answer-start' && annotation.fallback !== undefined) {
      yield { ...event, fallback: annotation.fallback };
    } else if (event.type === 'answer-end') {
      yield { type: 'answer-end', answer: { ...event.answer, ...fields } };
    } else yield event;
  }
}
