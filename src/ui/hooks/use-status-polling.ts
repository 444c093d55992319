import { useEffect, type Dispatch } from 'react';
import type { Footnote } from '../../footnote-types.js';
import type { ChatAction, ChatStatus } from '../state/chat-reducer.js';
import { refreshIndexStatus } from './use-ingest.js';

/** How often an idle chat re-reads the index status, at the least. */
export const STATUS_POLL_MS = 10_000;

/**
 * The wait between reads as a multiple of the last read's duration: reading
 * the status walks the corpus, so a large corpus is read less often and the
 * reads never take more than a few percent of a core.
 */
const POLL_COST_FACTOR = 20;

/**
 * Re-reads the index status while the chat is idle, so the status line says
 * "stale" soon after files change, not only after the next answer. Reads
 * never overlap, and stop while an answer or an index run is going (each
 * refreshes the status when it ends).
 */
export function useStatusPolling(
  footnote: Footnote,
  dispatch: Dispatch<ChatAction>,
  status: ChatStatus,
  intervalMs: number = STATUS_POLL_MS,
): void {
  useEffect(() => {
    if (status !== 'idle') return undefined;
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    const schedule = (waitMs: number): void => {
      timer = setTimeout(() => {
        const started = Date.now();
        void refreshIndexStatus(footnote, dispatch, { quiet: true }).then(() => {
          if (!stopped) schedule(Math.max(intervalMs, (Date.now() - started) * POLL_COST_FACTOR));
        });
      }, waitMs);
      // Waiting to poll must never keep the process alive on its own.
      timer.unref();
    };
    schedule(intervalMs);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [footnote, dispatch, status, intervalMs]);
}
