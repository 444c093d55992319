import { useCallback, useEffect, useMemo, useRef, type Dispatch } from 'react';
import type { AskOptions, Footnote } from '../../footnote-types.js';
import type { Answer, AnswerEvent } from '../../shared/types.js';
import { describeError } from '../format/describe-error.js';
import type { ChatAction } from '../state/chat-reducer.js';

/**
 * How long text deltas are gathered before one dispatch, so React renders at
 * most about once a frame instead of once per token.
 */
export const DELTA_BATCH_MS = 16;

/**
 * Streams answers from `footnote.ask()` into the chat reducer. `ask` starts a
 * question; `abort` cancels the running one (its signal fires and its late
 * events are ignored).
 */
export function useAnswerStream(
  footnote: Footnote,
  dispatch: Dispatch<ChatAction>,
): {
  /** Starts a question; resolves once its answer has ended, failed or been cancelled. */
  ask(question: string, options: Omit<AskOptions, 'signal'>): Promise<void>;
  abort(): void;
} {
  const controllerRef = useRef<AbortController | null>(null);

  const abort = useCallback(() => {
    const controller = controllerRef.current;
    if (controller === null) return;
    controllerRef.current = null;
    controller.abort();
    dispatch({ type: 'ask-abort' });
  }, [dispatch]);

  const ask = useCallback(
    (question: string, options: Omit<AskOptions, 'signal'>) => {
      const controller = new AbortController();
      controllerRef.current = controller;
      dispatch({ type: 'ask-start', question });
      const signal = controller.signal;
      const events = footnote.ask(question, { ...options, signal });
      return streamAnswer(events, signal, dispatch).finally(() => {
        if (controllerRef.current === controller) controllerRef.current = null;
      });
    },
    [footnote, dispatch],
  );

  // Leaving the chat mid-answer stops the work behind it.
  useEffect(() => () => controllerRef.current?.abort(), []);

  return useMemo(() => ({ ask, abort }), [ask, abort]);
}

/**
 * Feeds one answer's events to `dispatch`, gathering text deltas for
 * `DELTA_BATCH_MS`. Stops quietly once `signal` fires; a failure becomes `ask-fail`.
 */
export async function streamAnswer(
  events: AsyncGenerator<AnswerEvent, Answer>,
  signal: AbortSignal,
  dispatch: Dispatch<ChatAction>,
): Promise<void> {
  let buffered = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let ended = false;
  const flush = (): void => {
    clearTimeout(timer);
    timer = undefined;
    if (buffered === '' || signal.aborted) return;
    dispatch({ type: 'answer-event', event: { type: 'text-delta', text: buffered } });
    buffered = '';
  };
  const send = (event: AnswerEvent): void => {
    if (event.type === 'text-delta') {
      buffered += event.text;
      timer ??= setTimeout(flush, DELTA_BATCH_MS);
      return;
    }
    flush();
    if (event.type === 'answer-end') ended = true;
    dispatch({ type: 'answer-event', event });
  };
  try {
    let step = await events.next();
    while (step.done !== true && !signal.aborted) {
      send(step.value);
      step = await events.next();
    }
    if (step.done !== true) {
      // Cancelled mid-stream: let the generator run its cleanup; its answer is unwanted.
      events.return(undefined as unknown as Answer).catch(() => undefined);
      return;
    }
    // The returned answer ends the turn when no 'answer-end' event did.
    if (!ended && !signal.aborted) send({ type: 'answer-end', answer: step.value });
  } catch (error) {
    if (signal.aborted) return;
    flush();
    dispatch({ type: 'ask-fail', error: describeError(error) });
  } finally {
    clearTimeout(timer);
  }
}
