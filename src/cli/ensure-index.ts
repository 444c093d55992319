import type { Footnote } from '../footnote-types.js';
import type { IngestReport } from '../ingest/ingest-report.js';
import { plural } from '../ui/format/plural.js';

/**
 * Indexes the corpus when the index is missing, lags the corpus or was built
 * by another version of footnote, writing a short progress line to `log`
 * (stderr), so `ask` works on a fresh checkout and after an upgrade.
 */
export async function ensureIndex(
  footnote: Footnote,
  log: (line: string) => void,
): Promise<IngestReport | null> {
  const status = await footnote.status();
  if (status.exists && !status.stale) return null;
  log(
    !status.exists
      ? 'no index yet; indexing the corpus…'
      : status.outdated
        ? 'the index was built by another version of footnote; rebuilding it…'
        : 'corpus changed; updating the index…',
  );
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
