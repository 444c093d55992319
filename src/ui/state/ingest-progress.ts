import type { IngestEvent } from '../../ingest/ingest-report.js';
import { checkExhaustive } from '../../shared/check-exhaustive.js';
import type { ProviderRetry, SkippedFile } from '../../shared/types.js';

/** Progress of the running index run. */
export interface IngestProgressState {
  full: boolean;
  /** `Date.now()` when the run started, for the elapsed time and the ETA. */
  startedAt: number;
  /** The run has listed the corpus and knows how many files it (re)indexes. */
  planned: boolean;
  /** Files in the corpus, and how many of them this run (re)indexes. */
  files: number;
  toIndex: number;
  /** Files of `total` handled so far, failed ones included. */
  done: number;
  total: number;
  /** The file indexed last, shown as the current one. */
  current: string | null;
  /** Chunks written so far. */
  chunks: number;
  /** Embeddings the embedder computed, and those reused from identical text. */
  embeddingsComputed: number;
  embeddingsReused: number;
  skipped: SkippedFile[];
  removed: number;
  /** The wait to retry a request to the embedding server, until the run moves on. */
  retry: ProviderRetry | null;
}

/** Progress before the run has reported anything. */
export function createIngestProgress(full: boolean, startedAt: number): IngestProgressState {
  return {
    full,
    startedAt,
    planned: false,
    files: 0,
    toIndex: 0,
    done: 0,
    total: 0,
    current: null,
    chunks: 0,
    embeddingsComputed: 0,
    embeddingsReused: 0,
    skipped: [],
    removed: 0,
    retry: null,
  };
}

/** Folds one event of an index run into its progress. */
export function reduceIngestEvent(
  state: IngestProgressState,
  event: IngestEvent,
): IngestProgressState {
  if (event.type === 'provider-retry') return { ...state, retry: event.retry };
  // Anything else the run reports means the wait is over.
  const progress = state.retry === null ? state : { ...state, retry: null };
  switch (event.type) {
    case 'ingest-start':
      return {
        ...progress,
        full: event.full,
        planned: true,
        files: event.files,
        toIndex: event.toIndex,
        total: event.toIndex,
      };
    case 'file-indexed':
      return {
        ...progress,
        done: event.done,
        total: event.total,
        current: event.source,
        chunks: progress.chunks + event.chunks,
      };
    case 'file-skipped':
      return {
        ...progress,
        done: Math.min(progress.total, progress.done + 1),
        skipped: [...progress.skipped, event.file],
      };
    case 'file-removed':
      return { ...progress, removed: progress.removed + 1 };
    case 'embed-progress':
      return {
        ...progress,
        embeddingsComputed: event.embeddingsComputed,
        embeddingsReused: event.embeddingsReused,
      };
    case 'ingest-end':
      // The summary comes from the run's returned report ('ingest-finish').
      return progress;
    default:
      return checkExhaustive(event);
  }
}

/** Seconds of work before the pace means anything (a failed file is done in no time). */
export const MIN_SECONDS_FOR_ETA = 1;

/**
 * Seconds left at the pace so far, or `null` before there is a pace to go by
 * (nothing done yet, or under a second in) or when nothing is left.
 *
 * @example
 * estimateRemainingSeconds({ done: 1, total: 4 }, 2) // → 6
 */
export function estimateRemainingSeconds(
  progress: Pick<IngestProgressState, 'done' | 'total'>,
  elapsedSeconds: number,
): number | null {
  if (progress.done <= 0 || progress.done >= progress.total) return null;
  if (elapsedSeconds < MIN_SECONDS_FOR_ETA) return null;
  return (elapsedSeconds / progress.done) * (progress.total - progress.done);
}
