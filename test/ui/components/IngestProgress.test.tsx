import { afterEach, describe, expect, it } from 'vitest';
import { IngestProgress } from '../../../src/ui/components/IngestProgress.js';
import {
  createIngestProgress,
  estimateRemainingSeconds,
  reduceIngestEvent,
  type IngestProgressState,
} from '../../../src/ui/state/ingest-progress.js';
import { cleanup, renderApp } from '../../helpers/render-app.js';

afterEach(() => {
  cleanup();
});

const STARTED = 1_000_000;

function progressOf(overrides: Partial<IngestProgressState>): IngestProgressState {
  return { ...createIngestProgress(false, STARTED), planned: true, ...overrides };
}

describe('IngestProgress', () => {
  it('shows files done of total, the bar, elapsed time, ETA, chunks and embeddings', () => {
    const progress = progressOf({
      done: 25,
      total: 100,
      current: 'notes/a.md',
      chunks: 310,
      embeddingsComputed: 290,
      embeddingsReused: 20,
      skipped: [{ source: 'x.bin', reason: 'binary', detail: 'binary file' }],
      removed: 2,
    });
    const { lastFrame } = renderApp(<IngestProgress progress={progress} now={STARTED + 10_000} />);
    expect(lastFrame()).toContain('indexing 25/100 files · notes/a.md');
    expect(lastFrame()).toContain(`${'█'.repeat(6)}${'░'.repeat(18)} 25% · 0:10 elapsed · ~0:30 left`);
    expect(lastFrame()).toContain(
      '310 chunks · embeddings 290 computed, 20 reused · 1 skipped · 2 removed',
    );
  });

  it('has no ETA before the first file is done', () => {
    const { lastFrame } = renderApp(
      <IngestProgress progress={progressOf({ total: 10 })} now={STARTED + 2_000} />,
    );
    expect(lastFrame()).toContain('0% · 0:02 elapsed');
    expect(lastFrame()).not.toContain('left');
  });

  it('says it is reading the corpus until the run has planned its work', () => {
    const progress = createIngestProgress(true, STARTED);
    const { lastFrame } = renderApp(<IngestProgress progress={progress} now={STARTED} />);
    expect(lastFrame()).toContain('rebuilding the index: reading the corpus…');
  });

  it('fits a narrower bar into a narrow terminal', () => {
    const progress = progressOf({ done: 1, total: 2 });
    const { lastFrame } = renderApp(<IngestProgress progress={progress} now={STARTED + 1_000} />, {
      columns: 40,
    });
    expect(lastFrame()).toContain(`${'█'.repeat(4)}${'░'.repeat(4)} 50%`);
  });
});

describe('estimateRemainingSeconds', () => {
  it('extrapolates the pace so far, and says nothing in the first second, before the first file or after the last', () => {
    expect(estimateRemainingSeconds({ done: 1, total: 4 }, 2)).toBe(6);
    expect(estimateRemainingSeconds({ done: 0, total: 4 }, 2)).toBeNull();
    expect(estimateRemainingSeconds({ done: 4, total: 4 }, 2)).toBeNull();
    expect(estimateRemainingSeconds({ done: 1, total: 5000 }, 0.05)).toBeNull();
  });
});

describe('IngestProgress, while the embedding server asks it to wait', () => {
  const retry = { cause: 'rate-limited', status: 429, delayMs: 12_000, retry: 2, maxRetries: 3 } as const;

  it('says why and for how long under the counts', () => {
    const { lastFrame } = renderApp(
      <IngestProgress progress={progressOf({ done: 1, total: 4, retry })} now={STARTED + 5_000} />,
    );
    expect(lastFrame()).toContain('the server is rate limiting requests (429); retrying in 12 s (retry 2 of 3)');
  });

  it('keeps the notice until the run reports anything else', () => {
    const waiting = reduceIngestEvent(progressOf({ done: 1, total: 4 }), { type: 'provider-retry', retry });
    expect(waiting.retry).toEqual(retry);
    const moved = reduceIngestEvent(waiting, {
      type: 'embed-progress', done: 2, total: 4, embeddingsComputed: 9, embeddingsReused: 0,
    });
    expect(moved.retry).toBeNull();
    expect(moved.embeddingsComputed).toBe(9);
  });
});
