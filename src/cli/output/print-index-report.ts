import type { IngestReport } from '../../ingest/ingest-report.js';
import { plural } from '../../shared/plural.js';
import { terminalSafeName } from '../../shared/terminal-safe.js';

/** The report of an index run as a few lines of plain text. */
export function formatIndexReport(report: IngestReport): string {
  const lines = [
    `${report.full ? 'rebuilt' : 'indexed'} in ${report.seconds.toFixed(2)} s: ` +
      `${report.added} added, ${report.changed} changed, ${report.removed} removed, ` +
      // "skipped", as each file's line below says: a file footnote cannot read is left out, not an error.
      `${report.unchanged} unchanged, ${report.failed.length} skipped`,
    `${plural(report.chunks, 'chunk')} in the index; ${report.chunksWritten} written, ` +
      `${plural(report.embeddingsComputed, 'embedding')} computed, ${report.embeddingsReused} reused`,
  ];
  if (report.chunks === 0 && report.failed.length === 0) lines.push('the corpus has no documents yet: add files to it and index again');
  for (const file of report.failed) lines.push(`skipped ${terminalSafeName(file.source)} (${file.reason}): ${terminalSafeName(file.detail)}`);
  return lines.join('\n');
}
