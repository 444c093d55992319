import type { Footnote } from '../footnote-types.js';
import type { IngestEvent, IngestReport } from '../ingest/ingest-report.js';
import { formatProviderRetry } from '../ui/format/format-provider-retry.js';
import { FootnoteError } from '../shared/errors.js';
import { plural } from '../shared/plural.js';

/**
 * Indexes the corpus when the index is missing, lags the corpus or was built
 * by another version of footnote, writing a short progress line to `log`
 * (stderr), so `ask` works on a fresh checkout and after an upgrade.
 */
export async function ensureIndex(
  footnote: Footnote,
  log: (line: string) => void,
  /** Ctrl+C: the update stops after the batch in flight, keeping the files written. */
  signal?: AbortSignal,
): Promise<IngestReport | null> {
  const status = await footnote.status();
  if (status.exists && !status.stale) return null;
  if (status.corpusEmpty === true && !status.outdated) {
    log('the corpus folder is empty; answering from the index as it is (`footnote index` empties it)');
    return null;
  }
  log(
    !status.exists
      ? 'no index yet; indexing the corpus…'
      : status.outdated
        ? 'the index was built by another version of footnote; rebuilding it…'
        : status.rechunk === true
          ? 'passages are cut differently now (other chunk settings, or a newer footnote); re-chunking every file, reusing the embeddings of unchanged passages…'
          : 'corpus changed; updating the index…',
  );
  const run = footnote.ingest({ signal });
  for (;;) {
    let step: IteratorResult<IngestEvent, IngestReport>;
    try {
      step = await run.next();
    } catch (error) {
      // Another run is updating the index: its committed files already answer.
      // An index this user may only read (another user's, a read-only mount)
      // answers too; refusing would leave it useless once a file changes.
      const code = FootnoteError.isInstance(error) ? error.code : null;
      if ((code !== 'INDEX_LOCKED' && code !== 'INDEX_UNWRITABLE') || !status.exists || status.outdated) throw error;
      log(
        code === 'INDEX_LOCKED'
          ? 'another index run is updating the index; answering from the index as it is'
          : `${(error as FootnoteError).message}; answering from the index as it is, without the latest changes`,
      );
      return null;
    }
    if (step.done) {
      log(describeUpdate(step.value));
      return step.value;
    }
    if (step.value.type === 'provider-retry') log(`note: ${formatProviderRetry(step.value.retry)}`);
  }
}

/** `indexed 1 file (3 chunks written) and removed 2 in 0.4 s`: what this run changed, not the index's size. */
function describeUpdate(report: IngestReport): string {
  const removed = report.removed > 0 ? ` and removed ${plural(report.removed, 'file')}` : '';
  const skipped = report.failed.length > 0 ? `; ${report.failed.length} skipped (run \`footnote index\` for details)` : '';
  return `indexed ${plural(report.added + report.changed, 'file')} (${plural(report.chunksWritten, 'chunk')} written)` +
    `${removed} in ${report.seconds.toFixed(1)} s${skipped}`;
}
