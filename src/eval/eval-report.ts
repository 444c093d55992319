import type { RetrievalSettings } from '../retrieve/retrieve-passages.js';
import type { EvalDatasetKind } from './datasets/eval-dataset.js';

/** The stage an evaluation run is in. */
export type EvalPhase = 'index' | 'retrieve' | 'answer';

/** Progress of an evaluation run: `done` of `total` units (records or chunks while indexing, queries after). */
export interface EvalProgress {
  type: 'eval-progress';
  phase: EvalPhase;
  done: number;
  total: number;
}

/**
 * Retrieval quality averaged over the queries, each computed on the ranking of
 * documents (a document split into several chunks counts once, at its best rank).
 * All are 0..1; NaN when the dataset has no queries.
 */
export interface RetrievalMetrics {
  /** nDCG@10 as trec_eval's `ndcg_cut.10`, graded by the judged relevance. */
  ndcgAt10: number;
  /** Share of relevant documents in the top 1; for one relevant document per query, the hit rate at 1. */
  recallAt1: number;
  recallAt5: number;
  recallAt10: number;
  recallAt100: number;
  /** Mean reciprocal rank of the first relevant document within the top 10. */
  mrrAt10: number;
}

/** Wall time of one `retrieve` call, in milliseconds, over the queries. */
export interface LatencyMs {
  p50: number;
  p95: number;
}

/** How the answerer did on the queries that carry gold answers (SQuAD-format datasets). */
export interface AnswerMetrics {
  /** Queries with gold answers that were asked. */
  questions: number;
  /** Share of questions whose answer text (markers stripped) contains a gold answer, SQuAD-normalised; abstentions count as misses. */
  answerHit: number;
  /** Share of questions whose first citation is a relevant record; abstentions count as misses. */
  citedHit: number;
  /** Share of questions the answerer declined to answer. */
  abstentionRate: number;
  /**
   * Mean words per answer over the questions it answered (not abstained),
   * markers stripped; Chinese and Japanese words as the tokenizer segments them.
   */
  meanWords: number;
  /** The cap on quoted sentences; `null` when the answerer is generative and has none. */
  sentences: number | null;
}

/** The result of `footnote eval`: what was measured, on what, and the figures. */
export interface EvalReport {
  /** Dataset name: the BEIR folder or the SQuAD file name. */
  dataset: string;
  kind: EvalDatasetKind;
  /** Records indexed and queries evaluated. */
  records: number;
  queries: number;
  provider: 'local' | 'openai';
  /** `id@version/dimensions` of the embedder that built the index. */
  embedder: string;
  /** Passages each answer was drawn from. */
  k: number;
  retrieval: RetrievalSettings;
  /** Wall time to index the records, in seconds. */
  indexSeconds: number;
  /** Chunks in the index. */
  chunks: number;
  metrics: RetrievalMetrics;
  latencyMs: LatencyMs;
  /** Present when answers were evaluated (`--answers`). */
  answers?: AnswerMetrics;
}

/**
 * A progress reporter that speaks at most about once per percent (and always
 * for the first and last unit), so a 10,000-query run does not flood stderr.
 *
 * @example
 * const progress = createProgressSteps('retrieve', queries.length);
 * const event = progress(done); // EvalProgress or null
 */
export function createProgressSteps(phase: EvalPhase, total: number): (done: number) => EvalProgress | null {
  const step = Math.max(1, Math.ceil(total / 100));
  return (done) =>
    done === 0 || done === total || done % step === 0 ? { type: 'eval-progress', phase, done, total } : null;
}
