import type { IngestReport } from '../../ingest/ingest-report.js';
import { terminalSafeName } from '../../shared/terminal-safe.js';

/** The report of an index run as a few lines of plain text. */
export function formatIndexReport(report: IngestReport): string {
  const lines = [
    `${report.full ? 'rebuilt' : 'indexed'} in ${report.seconds.toFixed(2)} s: ` +
      `${report.added} added, ${report.changed} changed, ${report.removed} removed, ` +
      `${report.unchanged} unchanged, ${report.failed.length} failed`,
    `${report.chunks} chunks in the index; ${report.chunksWritten} written, ` +
      `${report.embeddingsComputed} embeddings computed, ${report.embeddingsReused} reused`,
  ];
  for (const file of report.failed) lines.push(`skipped ${terminalSafeName(file.source)} (${file.reason}): ${terminalSafeName(file.detail)}`);
  return lines.join('\n');
}
