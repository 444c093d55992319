import type { ChunkRepository } from '../store/chunk-repository.js';
import { STOP_WORDS } from '../text/stop-words.js';
import { tokenize } from '../text/tokenize.js';

/** How much a term in the title counts against one in the body (FTS5 bm25 column weights). */
export interface KeywordWeights {
  titleWeight: number;
  textWeight: number;
}

export const DEFAULT_KEYWORD_WEIGHTS: KeywordWeights = { titleWeight: 1, textWeight: 1 };

/**
 * The FTS5 MATCH expression for a question: its words, each quoted (so FTS5
 * syntax in the question is taken literally), OR-ed so that BM25 ranks
 * passages by how many and how rare the matched words are. Stop words are
 * dropped unless the question has nothing else. Returns null for no words.
 */
export function buildMatchExpression(question: string): string | null {
  // The same words FTS5 was given at indexing (see store/search-text.ts).
  const words = tokenize(question);
  const content = words.filter((word) => !STOP_WORDS.has(word));
  const terms = [...new Set(content.length > 0 ? content : words)];
  if (terms.length === 0) return null;
  return terms.map((term) => `"${term}"`).join(' OR ');
}

/** BM25 over chunk text and title: chunk ids, best first. */
export function searchKeywords(
  repo: ChunkRepository,
  question: string,
  limit: number,
  weights: KeywordWeights = DEFAULT_KEYWORD_WEIGHTS,
): { id: number; score: number }[] {
  const match = buildMatchExpression(question);
  if (match === null) return [];
  return repo.searchText(match, limit, weights);
}
