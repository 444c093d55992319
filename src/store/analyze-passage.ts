import { formatSentenceTerms, tokenizePassage } from '../text/sentence-terms.js';
import { toSearchText } from './search-text.js';

/** What the store keeps beside a chunk's text for search, derived from its title and text alone. */
export interface PassageAnalysis {
  /** The reranker's stemmed content terms by sentence, as `formatSentenceTerms` writes them. */
  sentenceTerms: string;
  /** The chunk text as FTS5 indexes it (see `toSearchText`). */
  searchText: string;
}

/**
 * Tokenises a chunk for the store. Pure, so an index run can compute it on a
 * worker thread (see ingest/text-worker.ts) and hand the result to
 * `ChunkRepository.replaceFile`, which otherwise computes it itself.
 */
export function analyzePassage(title: string | null, text: string): PassageAnalysis {
  return {
    sentenceTerms: formatSentenceTerms(tokenizePassage(title, text)),
    searchText: toSearchText(text),
  };
}
