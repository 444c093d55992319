import { searchableText } from '../chunk/searchable-text.js';
import type { DocumentFormat } from '../shared/types.js';
import { formatSentenceTerms, tokenizePassage } from '../text/sentence-terms.js';
import { toSearchText } from './search-text.js';

/** What the store keeps beside a chunk's text for search, derived from its title and text alone. */
export interface PassageAnalysis {
  /** The reranker's stemmed content terms by sentence, as `formatSentenceTerms` writes them. */
  sentenceTerms: string;
  /** The chunk text as FTS5 indexes it (see `toSearchText`). */
  searchText: string;
}

/** A chunk's heading, text and format: what {@link analyzePassage} reads. */
export interface PassageText {
  /** The passage's heading: its file's title and its section (see `passageHeading`). */
  title: string | null;
  text: string;
  /** Its document's format: Markdown is searched by its visible text (see `searchableText`). */
  format: DocumentFormat;
}

/**
 * Tokenises a chunk for the store. Pure, so an index run can compute it on a
 * worker thread (see ingest/text-worker.ts) and hand the result to
 * `ChunkRepository.replaceFile`, which otherwise computes it itself.
 */
export function analyzePassage({ title, text, format }: PassageText): PassageAnalysis {
  const searched = searchableText(text, format);
  return {
    sentenceTerms: formatSentenceTerms(tokenizePassage(title, searched)),
    searchText: toSearchText(searched),
  };
}
