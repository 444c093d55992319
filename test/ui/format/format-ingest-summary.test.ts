import { describe, expect, it } from 'vitest';
import {
  formatIngestSummary,
  MAX_FAILED_LISTED,
} from '../../../src/ui/format/format-ingest-summary.js';
import { makeIngestReport } from '../../helpers/fake-footnote.js';

describe('formatIngestSummary', () => {
  it('counts added, changed, removed and skipped files, chunks and embeddings', () => {
    const report = makeIngestReport({
      added: 10,
      changed: 2,
      removed: 1,
      unchanged: 5,
      chunks: 400,
      chunksWritten: 340,
      embeddingsComputed: 300,
      embeddingsReused: 40,
      seconds: 1.23,
      failed: [{ source: 'x.bin', reason: 'binary', detail: 'binary file (NUL bytes)' }],
    });
    expect(formatIngestSummary(report)).toEqual({
      headline: 'index updated in 1.2 s: 10 added, 2 changed, 1 removed, 1 skipped; 5 unchanged',
      detail: '340 chunks written (embeddings: 300 computed, 40 reused) · 400 chunks in the index',
      failed: ['skipped: x.bin — binary file (NUL bytes)'],
    });
  });

  it('says an empty corpus has no documents yet, rather than that the index is up to date', () => {
    const report = makeIngestReport({ added: 0, changed: 0, removed: 0, unchanged: 0, chunks: 0, chunksWritten: 0, seconds: 0.01, failed: [] });
    expect(formatIngestSummary(report).headline).toBe('the corpus has no documents yet: add files to it and /reindex (0.0 s)');
  });

  it('lists skipped files up to the limit, with the reason when there is no detail', () => {
    const failed = Array.from({ length: MAX_FAILED_LISTED + 2 }, (_, index) => ({
      source: `${index}.bin`,
      reason: 'binary' as const,
      detail: '',
    }));
    const lines = formatIngestSummary(makeIngestReport({ failed })).failed;
    expect(lines).toHaveLength(MAX_FAILED_LISTED + 1);
    expect(lines[0]).toBe('skipped: 0.bin — binary');
    expect(lines.at(-1)).toBe('… +2 more skipped (footnote index lists them all)');
  });

  it('says the index was rebuilt after a full run', () => {
    expect(formatIngestSummary(makeIngestReport({ full: true })).headline).toBe(
      'rebuilt the index in 0.4 s: 2 added, 0 changed, 0 removed, 0 skipped',
    );
  });

  it('says the index is up to date when nothing changed', () => {
    const report = makeIngestReport({ added: 0, unchanged: 12, chunksWritten: 0, seconds: 0.05 });
    expect(formatIngestSummary(report)).toEqual({
      headline: 'index up to date: 12 files unchanged (0.1 s)',
      detail: null,
      failed: [],
    });
  });
});
