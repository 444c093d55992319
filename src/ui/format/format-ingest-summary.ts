import type { IngestReport } from '../../ingest/ingest-report.js';
import { terminalSafeName } from '../../shared/terminal-safe.js';
import { plural } from '../../shared/plural.js';

/** Skipped files listed by name under a summary; `footnote index` lists them all. */
export const MAX_FAILED_LISTED = 10;

/** An index run's report as the chat shows it. */
export interface IngestSummary {
  /** What changed: added, changed, removed and skipped files, and the time. */
  headline: string;
  /** Chunks written and embeddings computed or reused; `null` when nothing was written. */
  detail: string | null;
  /** One line per skipped file with its reason, then "+n more" past the limit. */
  failed: string[];
}

/**
 * The summary of an index run.
 *
 * @example
 * formatIngestSummary(report).headline
 * // → 'index updated in 1.2 s: 10 added, 2 changed, 0 removed, 1 skipped'
 */
export function formatIngestSummary(report: IngestReport): IngestSummary {
  const counts = [
    `${report.added} added`,
    `${report.changed} changed`,
    `${report.removed} removed`,
    // Skipped, as `footnote index` says: the run went on without them.
    `${report.failed.length} skipped`,
  ].join(', ');
  const seconds = `${report.seconds.toFixed(1)} s`;
  const unchanged = report.unchanged > 0 ? `; ${report.unchanged} unchanged` : '';
  const nothingDone =
    !report.full && report.added + report.changed + report.removed + report.failed.length === 0;
  const headline = nothingDone
    ? report.unchanged === 0
      ? `the corpus has no documents yet: add files to it and /reindex (${seconds})`
      : `index up to date: ${plural(report.unchanged, 'file')} unchanged (${seconds})`
    : `${report.full ? 'rebuilt the index' : 'index updated'} in ${seconds}: ${counts}${unchanged}`;
  const detail =
    report.chunksWritten === 0
      ? null
      : `${plural(report.chunksWritten, 'chunk')} written (embeddings: ` +
        `${report.embeddingsComputed} computed, ${report.embeddingsReused} reused) · ` +
        `${plural(report.chunks, 'chunk')} in the index`;
  const failed = report.failed
    .slice(0, MAX_FAILED_LISTED)
    .map((file) => `skipped: ${terminalSafeName(file.source)} — ${terminalSafeName(file.detail === '' ? file.reason : file.detail)}`);
  const rest = report.failed.length - failed.length;
  if (rest > 0) failed.push(`… +${rest} more skipped (footnote index lists them all)`);
  return { headline, detail, failed };
}
