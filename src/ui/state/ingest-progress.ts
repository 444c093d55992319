import type { IngestEvent } from '../../ingest/ingest-report.js';
import { checkExhaustive } from '../../shared/check-exhaustive.js';
import type { SkippedFile } from '../../shared/types.js';

/** Progress of the running index run. */
export interface IngestProgressState {
  full: boolean;
  /** Files in the corpus, and how many of them this run (re)indexes. */
  files: number;
  toIndex: number;
  done: number;
  total: number;
  /** The file indexed last, shown as the current one. */
  current: string | null;
  skipped: SkippedFile[];
  removed: number;
  embedDone: number;
  embedTotal: number;
}

/** Progress before the run has reported anything. */
export function createIngestProgress(full: boolean): IngestProgressState {
  return {
    full,
    files: 0,
    toIndex: 0,
    done: 0,
    total: 0,
    current: null,
    skipped: [],
    removed: 0,
    embedDone: 0,
    embedTotal: 0,
  };
}

/** Folds one event of an index run into its progress. */
export function reduceIngestEvent(
  progress: IngestProgressState,
  event: IngestEvent,
): IngestProgressState {
  switch (event.type) {
    case 'ingest-start':
      return {
        ...progress,
        full: event.full,
        files: event.files,
        toIndex: event.toIndex,
        total: event.toIndex,
      };
    case 'file-indexed':
      return { ...progress, done: event.done, total: event.total, current: event.source };
    case 'file-skipped':
      return { ...progress, skipped: [...progress.skipped, event.file] };
    case 'file-removed':
      return { ...progress, removed: progress.removed + 1 };
    case 'embed-progress':
      return { ...progress, embedDone: event.done, embedTotal: event.total };
    case 'ingest-end':
      // The summary comes from the run's returned report ('ingest-finish').
      return progress;
    default:
      return checkExhaustive(event);
  }
}
