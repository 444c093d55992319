import { describe, expect, it } from 'vitest';
import { formatIndexReport } from '../../../src/cli/output/print-index-report.js';
import { makeIngestReport } from '../../helpers/fake-footnote.js';

describe('formatIndexReport', () => {
  it('counts in words that agree with the number, and calls unreadable files skipped as their lines do', () => {
    const report = makeIngestReport({
      added: 1, changed: 0, removed: 0, unchanged: 0, chunks: 1, chunksWritten: 1, embeddingsComputed: 1, embeddingsReused: 0, seconds: 0.5,
      failed: [{ source: 'x.bin', reason: 'binary', detail: 'binary file (NUL bytes)' }],
    });
    expect(formatIndexReport(report).split('\n')).toEqual([
      'indexed in 0.50 s: 1 added, 0 changed, 0 removed, 0 unchanged, 1 skipped',
      '1 chunk in the index; 1 written, 1 embedding computed, 0 reused',
      'skipped x.bin (binary): binary file (NUL bytes)',
    ]);
  });

  it('says an empty corpus has no documents yet', () => {
    const report = makeIngestReport({ added: 0, changed: 0, removed: 0, unchanged: 0, chunks: 0, chunksWritten: 0, failed: [] });
    expect(formatIndexReport(report)).toContain('the corpus has no documents yet: add files to it and index again');
  });
});
