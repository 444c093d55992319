import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scoreLeftOutTerms } from '../../src/retrieve/score-left-out-terms.js';
import type { ChunkRepository } from '../../src/store/chunk-repository.js';
import { createTermStatistics } from '../../src/store/term-statistics.js';
import { termFinder } from '../../src/text/sentence-terms.js';
import { createTextIndex, type TextIndex } from '../helpers/text-index.js';

// No stop words, one sentence each: content terms are exactly FTS5's tokens.
const TEXTS = [
  'heron heron river bank',
  'heron marsh',
  'river delta river mouth sediment flows',
  'otter holt',
  'kingfisher river perch dive fish',
];

let index: TextIndex;
let repo: ChunkRepository;
let db: Database.Database;
beforeEach(() => {
  index = createTextIndex(TEXTS);
  ({ repo, db } = index);
});
afterEach(() => index.cleanup());

/** The candidates' hits of `terms`, as retrieval finds them. */
function hitsOf(ids: number[], terms: string[]) {
  const find = termFinder(terms);
  return new Map([...repo.getSentenceTerms(ids)].map(([id, stored]) => [id, find(stored)]));
}

describe('scoreLeftOutTerms', () => {
  it('adds what FTS5 bm25 gives the words, when every row is a candidate', () => {
    const ids = TEXTS.map((_, i) => i + 1);
    const added = scoreLeftOutTerms(['heron', 'river'], hitsOf(ids, ['heron', 'river']), createTermStatistics(db));
    const fts = new Map(repo.searchText('"heron" OR "river"', 10).map((hit) => [hit.id, hit.score]));
    expect([...added.keys()].sort()).toEqual([...fts.keys()].sort());
    for (const [id, score] of fts) expect(added.get(id)).toBeCloseTo(score, 9);
  });

  it('adds nothing to candidates without the words, or for no words', () => {
    const statistics = createTermStatistics(db);
    expect(scoreLeftOutTerms(['heron'], hitsOf([4], ['heron']), statistics)).toEqual(new Map());
    expect(scoreLeftOutTerms([], hitsOf([1], []), statistics)).toEqual(new Map());
  });
});
