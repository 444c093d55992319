import { throwIfAborted } from '../shared/errors.js';
import type { Passage } from '../shared/types.js';
import type { RetrievalSettings } from '../retrieve/retrieve-passages.js';
import type { EvalDataset, EvalQuery } from './datasets/eval-dataset.js';
import { createProgressSteps, type EvalProgress, type LatencyMs, type RetrievalMetrics } from './eval-report.js';
import { dedupeByDocument, ndcgAtK, percentile, recallAtK, reciprocalRankAtK } from './metrics.js';
import type { EvalIndex } from './prepare-eval-index.js';

/**
 * Passages retrieved per query for the metrics: recall@100 needs 100 documents.
 * When several of them are chunks of one document, fewer than 100 documents
 * remain after deduplication, which only makes recall@100 slightly conservative.
 */
export const RETRIEVAL_DEPTH = 100;

/** Retrieval figures for one settings variant. */
export interface RetrievalResult {
  metrics: RetrievalMetrics;
  latencyMs: LatencyMs;
  /** The top `keepPassages` passages of every query, when asked for (to answer from them). */
  passages?: Map<EvalQuery, Passage[]>;
}

/** Options for {@link evaluateRetrieval}. */
export interface EvaluateRetrievalOptions {
  settings?: RetrievalSettings;
  /** Keep this many top passages per query in the result, for {@link evaluateAnswers} to reuse. */
  keepPassages?: number;
  signal?: AbortSignal;
}

/**
 * Runs every query of the dataset through the same retriever `ask` uses, with
 * `settings`, and averages the metrics over the queries. Only the `retrieve`
 * call is timed; a first, untimed query opens the index so that its cost does
 * not land on a measured query. With `keepPassages`, the top passages of each
 * query are returned too, so answers can be measured without retrieving again.
 *
 * @example
 * const { metrics } = yield* evaluateRetrieval(index, dataset, { settings: DEFAULT_RETRIEVAL });
 */
export async function* evaluateRetrieval(
  index: EvalIndex,
  dataset: EvalDataset,
  options: EvaluateRetrievalOptions = {},
): AsyncGenerator<EvalProgress, RetrievalResult> {
  const { queries } = dataset;
  const footnote = index.open({ retrieval: options.settings });
  try {
    const progress = createProgressSteps('retrieve', queries.length);
    const totals = { ndcgAt10: 0, recallAt1: 0, recallAt5: 0, recallAt10: 0, recallAt100: 0, mrrAt10: 0 };
    const latencies: number[] = [];
    const kept = options.keepPassages === undefined ? undefined : new Map<EvalQuery, Passage[]>();
    if (queries[0] !== undefined) await footnote.retrieve(queries[0].text, { k: 1, signal: options.signal });
    yield { type: 'eval-progress', phase: 'retrieve', done: 0, total: queries.length };
    for (const [i, query] of queries.entries()) {
      throwIfAborted(options.signal);
      const startedAt = performance.now();
      const passages = await footnote.retrieve(query.text, { k: RETRIEVAL_DEPTH, signal: options.signal });
      latencies.push(performance.now() - startedAt);
      kept?.set(query, passages.slice(0, options.keepPassages));
      const ranked = dedupeByDocument(passages.map((passage) => passage.source));
      const relevant = query.relevant;
      totals.ndcgAt10 += ndcgAtK(ranked, relevant, 10);
      totals.recallAt1 += recallAtK(ranked, relevant, 1);
      totals.recallAt5 += recallAtK(ranked, relevant, 5);
      totals.recallAt10 += recallAtK(ranked, relevant, 10);
      totals.recallAt100 += recallAtK(ranked, relevant, 100);
      totals.mrrAt10 += reciprocalRankAtK(ranked, relevant, 10);
      const update = progress(i + 1);
      if (update) yield update;
    }
    const count = queries.length;
    const average = (total: number) => (count === 0 ? Number.NaN : total / count);
    return {
      metrics: {
        ndcgAt10: average(totals.ndcgAt10),
        recallAt1: average(totals.recallAt1),
        recallAt5: average(totals.recallAt5),
        recallAt10: average(totals.recallAt10),
        recallAt100: average(totals.recallAt100),
        mrrAt10: average(totals.mrrAt10),
      },
      latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95) },
      ...(kept === undefined ? {} : { passages: kept }),
    };
  } finally {
    footnote.close();
  }
}
