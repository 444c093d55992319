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
  /** The run in progress, cancelled or not, until it has ended. */
  const runningRef = useRef<Promise<void> | null>(null);

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
      // A cancelled run is still writing its batch in flight and holds the
      // index lock until it has; starting before it ends would find the lock taken.
      const previous = runningRef.current;
      const run = (async () => {
        await previous;
        let failed = true;
        try {
          const events = footnote.ingest({ full, signal });
          // After Ctrl+C the run is read to its end unseen: it stops after the
          // batch in flight, and only then do its files commit and its lock go.
          let step = await events.next();
          while (step.done !== true) {
            if (!signal.aborted) dispatch({ type: 'ingest-event', event: step.value });
            step = await events.next();
          }
          if (!signal.aborted) dispatch({ type: 'ingest-finish', report: step.value });
          failed = false;
        } catch (error) {
          if (!signal.aborted) {
            dispatch({ type: 'ingest-fail', error: describeError(error) });
          }
        } finally {
          if (controllerRef.current === controller) controllerRef.current = null;
        }
        // A failed run has said why; the status read would most likely say it again.
        await refreshIndexStatus(footnote, dispatch, { quiet: failed });
      })();
      runningRef.current = run;
      await run;
      if (runningRef.current === run) runningRef.current = null;
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
    const { message, hint } = describeError(error);
    dispatch({ type: 'index-status-fail', problem: message });
    if (options.quiet === true) return null;
    dispatch({ type: 'message-add', tone: 'error', text: message, hint });
    return null;
  }
}
