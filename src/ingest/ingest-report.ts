import type { ProviderRetry, SkippedFile } from '../shared/types.js';

/** What one index run did; printed by `footnote index` (or as JSON with `--json`). */
export interface IngestReport {
  /** Files new since the last run, changed, removed from the corpus, or unchanged. */
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  /** Files that could not be indexed, with the reason. */
  failed: SkippedFile[];
  /** Chunks in the index after the run. */
  chunks: number;
  /** Chunks written by this run (from added and changed files). */
  chunksWritten: number;
  /** Embeddings computed by the embedder in this run. */
  embeddingsComputed: number;
  /** Embeddings reused because identical chunk text was already embedded. */
  embeddingsReused: number;
  /** True when the run rebuilt the index from scratch. */
  full: boolean;
  /** Wall time of the run in seconds. */
  seconds: number;
}

/** Progress of an index run, for the progress display. */
export type IngestEvent =
  | { type: 'ingest-start'; files: number; toIndex: number; full: boolean }
  | { type: 'file-indexed'; source: string; chunks: number; done: number; total: number }
  | { type: 'file-skipped'; file: SkippedFile }
  | { type: 'file-removed'; source: string }
  /**
   * A batch of files embedded and written: `done` of `total` files so far, and
   * the run's embeddings so far, computed by the embedder or reused.
   */
  | {
      type: 'embed-progress';
      done: number;
      total: number;
      embeddingsComputed: number;
      embeddingsReused: number;
    }
  /** The embedding server failed and the run waits to try again (see {@link ProviderRetry}). */
  | { type: 'provider-retry'; retry: ProviderRetry }
  | { type: 'ingest-end'; report: IngestReport };
