import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scoreLeftOutTerms } from '../../src/retrieve/score-left-out-terms.js';
import type { ChunkRepository } from '../../src/store/chunk-repository.js';
import { createTermStatistics } from '../../src/store/term-statistics.js';
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

describe('scoreLeftOutTerms', () => {
  it('adds what FTS5 bm25 gives the words, when every row is a candidate', () => {
    const ids = TEXTS.map((_, i) => i + 1);
    const candidates = repo.getSentenceTerms(ids);
    const added = scoreLeftOutTerms(['heron', 'river'], candidates, createTermStatistics(db));
    const fts = new Map(repo.searchText('"heron" OR "river"', 10).map((hit) => [hit.id, hit.score]));
    expect([...added.keys()].sort()).toEqual([...fts.keys()].sort());
    for (const [id, score] of fts) expect(added.get(id)).toBeCloseTo(score, 9);
  });

  it('adds nothing to candidates without the words, or for no words', () => {
    const candidates = repo.getSentenceTerms([4]);
    const statistics = createTermStatistics(db);
    expect(scoreLeftOutTerms(['heron'], candidates, statistics)).toEqual(new Map());
    expect(scoreLeftOutTerms([], repo.getSentenceTerms([1]), statistics)).toEqual(new Map());
  });
});
