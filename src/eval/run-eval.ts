import type { Config } from '../config/config-schema.js';
import type { Embedder } from '../embed/embedder.js';
import { DEFAULT_RETRIEVAL, type RetrievalSettings } from '../retrieve/retrieve-passages.js';
import type { EvalDataset } from './datasets/eval-dataset.js';
import { evaluateAnswers } from './evaluate-answers.js';
import { evaluateRetrieval } from './evaluate-retrieval.js';
import type { EvalProgress, EvalReport } from './eval-report.js';
import { prepareEvalIndex, type EvalIndex } from './prepare-eval-index.js';

/** Options for {@link runEval}. */
export interface RunEvalOptions {
  /** Provider, chunking and k; its `index` folder is ignored (a temporary one is used and removed). */
  config: Config;
  /** Passages each answer is drawn from; default `config.k`, as for `ask`. Retrieval metrics always look at the top 100. */
  k?: number;
  /** Also ask every question that has gold answers and score the answers. */
  answers?: boolean;
  /** Cap on the sentences of extractive answers; default the answerer's own. */
  sentences?: number;
  /** Retrieval variant; default {@link DEFAULT_RETRIEVAL}, what `ask` uses. */
  retrieval?: RetrievalSettings;
  /** Replaces the provider's embedder (tests pass a fake). */
  embedder?: Embedder;
  signal?: AbortSignal;
}

/**
 * `footnote eval` as a stage: indexes the dataset's records into a temporary
 * index through the same pipeline as `footnote index`, runs every query through
 * the retriever `ask` uses, optionally asks the questions, and reports the
 * figures. Yields throttled progress; the temporary index is removed at the end,
 * also on error or when the caller stops early.
 *
 * To compare several retrieval variants on one index, use
 * {@link prepareEvalIndex} with {@link evaluateRetrieval} and
 * {@link evaluateAnswers} directly, and {@link buildEvalReport} to assemble.
 *
 * @example
 * const report = yield* runEval(await loadDataset('scifact'), { config });
 * report.metrics.ndcgAt10; // 0.68
 */
export async function* runEval(dataset: EvalDataset, options: RunEvalOptions): AsyncGenerator<EvalProgress, EvalReport> {
  const index = yield* prepareEvalIndex(dataset, options);
  try {
    const retrieval = options.retrieval ?? DEFAULT_RETRIEVAL;
    const k = options.k ?? options.config.k;
    const { metrics, latencyMs, passages } = yield* evaluateRetrieval(index, dataset, {
      settings: retrieval,
      keepPassages: options.answers ? k : undefined,
      signal: options.signal,
    });
    const report = buildEvalReport(index, dataset, { k, retrieval, metrics, latencyMs });
    if (options.answers) {
      report.answers = yield* evaluateAnswers(index, dataset, {
        k,
        sentences: options.sentences,
        settings: retrieval,
        retrieved: passages,
        signal: options.signal,
      });
    }
    return report;
  } finally {
    index.close();
  }
}

/** An {@link EvalReport} from an index and the figures measured on it. */
export function buildEvalReport(
  index: EvalIndex,
  dataset: EvalDataset,
  figures: Pick<EvalReport, 'k' | 'retrieval' | 'metrics' | 'latencyMs' | 'answers'>,
): EvalReport {
  const report: EvalReport = {
    dataset: dataset.name,
    kind: dataset.kind,
    records: dataset.records.length,
    queries: dataset.queries.length,
    provider: index.config.provider,
    embedder: index.embedderName,
    k: figures.k,
    retrieval: figures.retrieval,
    indexSeconds: index.indexSeconds,
    chunks: index.chunks,
    metrics: figures.metrics,
    latencyMs: figures.latencyMs,
  };
  if (figures.answers !== undefined) report.answers = figures.answers;
  return report;
}
