import { describe, expect, it } from 'vitest';
import { formatIngestSummary } from '../../../src/ui/format/format-ingest-summary.js';
import { makeIngestReport } from '../../helpers/fake-footnote.js';

describe('formatIngestSummary', () => {
  it('names files, chunks, time and skipped files', () => {
    const report = makeIngestReport({
      added: 10,
      changed: 2,
      chunksWritten: 340,
      seconds: 1.23,
      failed: [{ source: 'x.bin', reason: 'binary', detail: 'binary file' }],
    });
    expect(formatIngestSummary(report)).toBe(
      'indexed 12 files, 340 chunks in 1.2 s; 1 skipped: x.bin (binary)',
    );
  });

  it('counts unchanged and removed files and names at most three skipped ones', () => {
    const failed = ['a', 'b', 'c', 'd'].map((name) => ({
      source: `${name}.bin`,
      reason: 'binary' as const,
      detail: '',
    }));
    const report = makeIngestReport({
      added: 1,
      chunksWritten: 1,
      unchanged: 5,
      removed: 2,
      failed,
      seconds: 0.04,
    });
    expect(formatIngestSummary(report)).toBe(
      'indexed 1 file, 1 chunk in 0.0 s; 5 unchanged; 2 removed; ' +
        '4 skipped: a.bin (binary), b.bin (binary), c.bin (binary), +1 more',
    );
  });

  it('says the index was rebuilt after a full run', () => {
    expect(formatIngestSummary(makeIngestReport({ full: true }))).toBe(
      'rebuilt the index: 2 files, 7 chunks in 0.4 s',
    );
  });
});
