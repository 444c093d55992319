import type { IngestReport } from '../../ingest/ingest-report.js';

/** How many skipped files the summary names before it only counts the rest. */
export const MAX_SKIPPED_NAMED = 3;

/**
 * The one-line summary of an index run shown in the chat.
 *
 * @example
 * formatIngestSummary(report)
 * // → 'indexed 12 files, 340 chunks in 1.2 s; 1 skipped: x.bin (binary)'
 */
export function formatIngestSummary(report: IngestReport): string {
  const indexed = report.added + report.changed;
  const verb = report.full ? 'rebuilt the index:' : 'indexed';
  const size = `${plural(indexed, 'file')}, ${plural(report.chunksWritten, 'chunk')}`;
  const parts = [`${verb} ${size} in ${report.seconds.toFixed(1)} s`];
  if (report.unchanged > 0) parts.push(`${report.unchanged} unchanged`);
  if (report.removed > 0) parts.push(`${report.removed} removed`);
  if (report.failed.length > 0) {
    const named = report.failed
      .slice(0, MAX_SKIPPED_NAMED)
      .map((file) => `${file.source} (${file.reason})`);
    const rest = report.failed.length - named.length;
    if (rest > 0) named.push(`+${rest} more`);
    parts.push(`${report.failed.length} skipped: ${named.join(', ')}`);
  }
  return parts.join('; ');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
