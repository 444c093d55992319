/**
 * The one shape every evaluation dataset is loaded into, so the eval runner never
 * knows which benchmark it is measuring (BEIR folders and SQuAD files both end up here).
 */

/** A document to index: one BEIR corpus entry or one SQuAD paragraph. */
export interface EvalRecord {
  /** The dataset's own id (BEIR `_id`, or `${articleIndex}-${paragraphIndex}` for SQuAD). */
  id: string;
  /** The document title; `null` when the dataset gives none or an empty one. */
  title: string | null;
  text: string;
}

/** A question with its relevance judgements. */
export interface EvalQuery {
  id: string;
  text: string;
  /** Record id → graded relevance; only judgements with relevance > 0 are kept. */
  relevant: Map<string, number>;
  /** SQuAD gold answer texts, deduplicated in file order; absent for BEIR. */
  answers?: string[];
}

/** Which loader produced a dataset. */
export type EvalDatasetKind = 'beir' | 'squad';

/** A loaded dataset: records to index and queries to ask. */
export interface EvalDataset {
  /** Short name for reports: the BEIR folder name or the SQuAD file name without extension. */
  name: string;
  kind: EvalDatasetKind;
  records: EvalRecord[];
  /** Only queries with at least one relevant record. */
  queries: EvalQuery[];
}
