import { useCallback, useEffect, useMemo, useRef, type Dispatch } from 'react';
import type { Footnote, IndexStatus } from '../../footnote-types.js';
import { describeError } from '../format/describe-error.js';
import type { ChatAction } from '../state/chat-reducer.js';

/**
 * Runs `footnote.ingest()` and feeds its progress to the chat reducer, then
 * refreshes the index status. `abort` cancels a run in progress.
 */
export function useIngest(
  footnote: Footnote,
  dispatch: Dispatch<ChatAction>,
): { ingest(options: { full: boolean }): Promise<void>; abort(): void } {
  const controllerRef = useRef<AbortController | null>(null);

  const abort = useCallback(() => {
    const controller = controllerRef.current;
    if (controller === null) return;
    controllerRef.current = null;
    controller.abort();
    dispatch({ type: 'ingest-abort' });
  }, [dispatch]);

  const ingest = useCallback(
    async ({ full }: { full: boolean }) => {
      const controller = new AbortController();
      controllerRef.current = controller;
      const signal = controller.signal;
      dispatch({ type: 'ingest-start', full, at: Date.now() });
      try {
        const events = footnote.ingest({ full, signal });
        let step = await events.next();
        while (step.done !== true && !signal.aborted) {
          dispatch({ type: 'ingest-event', event: step.value });
          step = await events.next();
        }
        if (step.done === true && !signal.aborted) {
          dispatch({ type: 'ingest-finish', report: step.value });
        }
      } catch (error) {
        if (!signal.aborted) {
          dispatch({ type: 'ingest-fail', error: describeError(error) });
        }
      } finally {
        if (controllerRef.current === controller) controllerRef.current = null;
      }
      await refreshIndexStatus(footnote, dispatch);
    },
    [footnote, dispatch],
  );

  useEffect(() => () => controllerRef.current?.abort(), []);

  return useMemo(() => ({ ingest, abort }), [ingest, abort]);
}

/**
 * Reads the index status for the status line and returns it; a failure
 * becomes a message (unless `quiet`) and `null`.
 */
export async function refreshIndexStatus(
  footnote: Footnote,
  dispatch: Dispatch<ChatAction>,
  options: { quiet?: boolean } = {},
): Promise<IndexStatus | null> {
  try {
    const index = await footnote.status();
    dispatch({ type: 'index-status', index });
    return index;
  } catch (error) {
    if (options.quiet === true) return null;
    const { message, hint } = describeError(error);
    dispatch({ type: 'message-add', tone: 'error', text: message, hint });
    return null;
  }
}
