import type { ChunkRepository } from '../store/chunk-repository.js';
import type { TermStatistics } from '../shared/types.js';
import { stem } from '../text/porter-stemmer.js';
import { STOP_WORDS } from '../text/stop-words.js';
import { tokenize } from '../text/tokenize.js';

/** How much a term in the title counts against one in the body (FTS5 bm25 column weights). */
export interface KeywordWeights {
  titleWeight: number;
  textWeight: number;
}

export const DEFAULT_KEYWORD_WEIGHTS: KeywordWeights = { titleWeight: 1, textWeight: 1 };

/**
 * Most passages FTS5 may score for one question. FTS5 computes bm25 for every
 * row that matches any word (about 0.7 µs a row), before ORDER BY and LIMIT
 * apply: at 100k chunks a question with two common words matched 63k rows and
 * took 40 ms. Like Lucene's common-terms query, the rarest words decide which
 * rows match; the reranker adds the BM25 of the commonest words from the
 * candidates' stored terms (see score-left-out-terms.ts). Corpora smaller
 * than the budget never drop a word. Measured on SciFact (10,301 chunks),
 * nDCG@10 with no budget 0.6899, 10,000: 0.6897, 5,000: 0.6888, 2,000: 0.6896,
 * 1,000: 0.6885; SQuAD dev unchanged at every budget.
 */
export const DEFAULT_MATCH_ROW_BUDGET = 2_000;

/**
 * The question's words as FTS5 should see them: the same words FTS5 was given
 * at indexing (see store/search-text.ts), stop words dropped unless the
 * question has nothing else, each once.
 */
export function matchTerms(question: string): string[] {
  const words = tokenize(question);
  const content = words.filter((word) => !STOP_WORDS.has(word));
  return [...new Set(content.length > 0 ? content : words)];
}

/**
 * The rarest of `terms` whose passages add up to at most `budget` (always the
 * rarest one), in their original order. `frequencies` are passage counts by
 * stemmed term, as FTS5's vocabulary holds them.
 */
export function limitMatchTerms(
  terms: readonly string[],
  frequencies: ReadonlyMap<string, number>,
  budget: number,
): string[] {
  const kept = new Set<string>();
  let rows = 0;
  for (const { term, passages } of byRarity(terms, frequencies)) {
    rows += passages;
    if (kept.size > 0 && rows > budget) break;
    kept.add(term);
  }
  return terms.filter((term) => kept.has(term));
}

/**
 * The two rarest of `terms`, rarest first, when even the rarest one matches
 * more passages than `budget`; null otherwise (or for fewer than two terms).
 * See {@link KeywordPlan.requireAll}.
 */
export function commonTermsToRequire(
  terms: readonly string[],
  frequencies: ReadonlyMap<string, number>,
  budget: number,
): string[] | null {
  if (terms.length < 2) return null;
  const [rarest, next] = byRarity(terms, frequencies);
  if (rarest!.passages <= budget) return null;
  return [rarest!.term, next!.term];
}

/** `terms` with their passage counts (looked up by stem; unknown words count as rare), rarest first. */
function byRarity(
  terms: readonly string[],
  frequencies: ReadonlyMap<string, number>,
): { term: string; passages: number }[] {
  return terms
    .map((term) => ({ term, passages: frequencies.get(stem(term)) ?? 0 }))
    .sort((a, b) => a.passages - b.passages);
}

/**
 * The FTS5 MATCH expression for `terms`: each quoted (so FTS5 syntax in the
 * question is taken literally), OR-ed so that BM25 ranks passages by how many
 * and how rare the matched words are, or AND-ed when `requireAll`. Null for
 * no terms.
 */
export function toMatchExpression(terms: readonly string[], requireAll = false): string | null {
  if (terms.length === 0) return null;
  return terms.map(quoteTerm).join(requireAll ? ' AND ' : ' OR ');
}

/** A term as an FTS5 string, so any FTS5 syntax in it is taken literally. */
function quoteTerm(term: string): string {
  return `"${term}"`;
}

/** How {@link planKeywordSearch} limits the words FTS5 matches. */
export interface KeywordSearchOptions {
  /** Most rows to score; words are dropped commonest first to stay under it (see {@link DEFAULT_MATCH_ROW_BUDGET}). */
  rowBudget?: number;
  /** Needed for the budget: passage counts per term. Without it every word is matched. */
  statistics?: TermStatistics;
}

/** Which of a question's words FTS5 matches, and which the budget left out. */
export interface KeywordPlan {
  /** Words FTS5 matches: in question order, or rarest first when {@link requireAll}. */
  matched: string[];
  /**
   * Match only passages that hold every matched word. Set when every word is
   * common (even the rarest matches more rows than the budget): the two
   * rarest are then required together, as Elasticsearch's common-terms query
   * requires all of a question made only of common words. Such questions were
   * 14% of the bench's at 100k chunks and took 5.1 ms in FTS5 against 2.0 ms
   * for the others. {@link searchPlannedKeywords} looks for the two near each
   * other first (see {@link NEAR_DISTANCE}); when no passage holds both, the
   * rarest alone is matched.
   * @see https://www.elastic.co/guide/en/elasticsearch/reference/7.17/query-dsl-common-terms-query.html
   */
  requireAll: boolean;
  /** Words left to the reranker, commonest of the question's (see {@link DEFAULT_MATCH_ROW_BUDGET}). */
  leftOut: string[];
}

/** Splits a question's words into those FTS5 matches and those the row budget leaves out. */
export function planKeywordSearch(question: string, options: KeywordSearchOptions = {}): KeywordPlan {
  const { rowBudget = DEFAULT_MATCH_ROW_BUDGET, statistics } = options;
  const terms = matchTerms(question);
  if (!statistics || terms.length < 2) return { matched: terms, requireAll: false, leftOut: [] };
  const frequencies = statistics.documentFrequency([...new Set(terms.map(stem))]);
  const required = commonTermsToRequire(terms, frequencies, rowBudget);
  const matched = required ?? limitMatchTerms(terms, frequencies, rowBudget);
  const kept = new Set(matched);
  return { matched, requireAll: required !== null, leftOut: terms.filter((term) => !kept.has(term)) };
}

/**
 * How close, in words, the required words of a question made only of common
 * words must be in a passage to be matched first: FTS5's default NEAR
 * distance. Passages about `the role of this protein` hold `role` and
 * `protein` within a clause; a passage that mentions both far apart is rarely
 * about them. It also spares FTS5 most of the work: at 1M chunks such a pair
 * matched 12k–33k passages, each scored by bm25 (about 2 µs apiece).
 * @see https://www.sqlite.org/fts5.html#fts5_near_queries
 */
export const NEAR_DISTANCE = 10;

/**
 * BM25 over chunk text and title for the matched words of a plan: chunk ids,
 * best first. Required words are matched near each other, else anywhere in the
 * passage, else the rarest alone (as the budget would have it).
 */
export function searchPlannedKeywords(
  repo: ChunkRepository,
  plan: KeywordPlan,
  limit: number,
  weights: KeywordWeights = DEFAULT_KEYWORD_WEIGHTS,
): { id: number; score: number }[] {
  const match = toMatchExpression(plan.matched, plan.requireAll);
  if (match === null) return [];
  if (!plan.requireAll) return repo.searchText(match, limit, weights);
  const near = `NEAR(${plan.matched.map(quoteTerm).join(' ')}, ${NEAR_DISTANCE})`;
  const rarest = toMatchExpression(plan.matched.slice(0, 1)) ?? match;
  for (const expression of [near, match, rarest]) {
    const hits = repo.searchText(expression, limit, weights);
    if (hits.length > 0) return hits;
  }
  return [];
}
