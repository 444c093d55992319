import type { Footnote } from '../footnote-types.js';
import type { IngestReport } from '../ingest/ingest-report.js';
import { plural } from '../ui/format/plural.js';

/**
 * Indexes the corpus when the index is missing or lags the corpus, writing a
 * short progress line to `log` (stderr), so `ask` works on a fresh checkout.
 */
export async function ensureIndex(
  footnote: Footnote,
  log: (line: string) => void,
): Promise<IngestReport | null> {
  const status = await footnote.status();
  if (status.exists && !status.stale) return null;
  log(status.exists ? 'corpus changed; updating the index…' : 'no index yet; indexing the corpus…');
  const run = footnote.ingest();
  for (;;) {
    const step = await run.next();
    if (step.done) {
      const report = step.value;
      log(
        `indexed ${plural(report.added + report.changed, 'file')} (${plural(report.chunks, 'chunk')}) in ${report.seconds.toFixed(1)} s` +
          (report.failed.length > 0 ? `; ${report.failed.length} skipped (run \`footnote index\` for details)` : ''),
      );
      return report;
    }
  }
}
