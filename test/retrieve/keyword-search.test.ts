import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  commonTermsToRequire,
  limitMatchTerms,
  matchTerms,
  planKeywordSearch,
  searchPlannedKeywords,
  toMatchExpression,
  type KeywordSearchOptions,
} from '../../src/retrieve/keyword-search.js';
import type { ChunkRepository } from '../../src/store/chunk-repository.js';
import { createTermStatistics } from '../../src/store/term-statistics.js';
import { createTextIndex, type TextIndex } from '../helpers/text-index.js';

const buildMatchExpression = (question: string) => toMatchExpression(matchTerms(question));

describe('buildMatchExpression', () => {
  it('quotes and ORs the content words, dropping stop words', () => {
    expect(buildMatchExpression('Who led the team that visited Safe-Run?')).toBe(
      '"led" OR "team" OR "visited" OR "safe" OR "run"',
    );
  });

  it('keeps FTS5 syntax in the question literal', () => {
    expect(buildMatchExpression('NEAR(a b) OR "x" AND y*')).toBe('"near" OR "b" OR "x" OR "y"');
  });

  it('falls back to stop words when the question has nothing else', () => {
    expect(buildMatchExpression('to be or not to be')).toBe('"to" OR "be" OR "or" OR "not"');
  });

  it('segments Chinese so words can match', () => {
    expect(buildMatchExpression('我们喜欢读书')).toBe('"我们" OR "喜欢" OR "读书"');
  });

  it('returns null for a question without words', () => {
    expect(buildMatchExpression('?!')).toBeNull();
  });
});

describe('limitMatchTerms', () => {
  const frequencies = new Map([['heron', 3], ['river', 40], ['water', 900]]);

  it('keeps the rarest words whose passages fit the budget, in question order', () => {
    expect(limitMatchTerms(['water', 'heron', 'river'], frequencies, 50)).toEqual(['heron', 'river']);
    expect(limitMatchTerms(['water', 'heron', 'river'], frequencies, 1000)).toEqual(['water', 'heron', 'river']);
  });

  it('always keeps the rarest word, even over the budget', () => {
    expect(limitMatchTerms(['water', 'river'], frequencies, 10)).toEqual(['river']);
  });

  it('looks words up by their stem and counts unknown words as rare', () => {
    expect(limitMatchTerms(['herons', 'water', 'zebu'], frequencies, 10)).toEqual(['herons', 'zebu']);
  });
});

describe('commonTermsToRequire', () => {
  const frequencies = new Map([['heron', 3], ['river', 40], ['water', 900]]);

  it('requires the two rarest words, rarest first, when even the rarest is over the budget', () => {
    expect(commonTermsToRequire(['water', 'heron', 'river'], frequencies, 2)).toEqual(['heron', 'river']);
  });

  it('requires nothing while the rarest word fits the budget, or for one word', () => {
    expect(commonTermsToRequire(['water', 'heron', 'river'], frequencies, 3)).toBeNull();
    expect(commonTermsToRequire(['water'], frequencies, 2)).toBeNull();
  });
});

const searchKeywords = (repo: ChunkRepository, question: string, limit: number, options: KeywordSearchOptions) =>
  searchPlannedKeywords(repo, planKeywordSearch(question, options), limit);

describe('searchKeywords', () => {
  let index: TextIndex;
  let repo: ChunkRepository;
  let db: Database.Database;

  beforeEach(() => {
    index = createTextIndex([
      'The heron stood in the water.',
      ...Array.from({ length: 6 }, (_, i) => `Water number ${i} flowed on.`),
    ]);
    ({ repo, db } = index);
  });

  afterEach(() => index.cleanup());

  it('matches every word while the rows fit the budget', () => {
    const hits = searchKeywords(repo, 'heron water', 10, { statistics: createTermStatistics(db), rowBudget: 100 });
    expect(hits).toHaveLength(7);
  });

  it('leaves the commonest word to the reranker when the rows would exceed the budget', () => {
    const hits = searchKeywords(repo, 'heron water', 10, { statistics: createTermStatistics(db), rowBudget: 3 });
    expect(hits.map((hit) => hit.id)).toEqual([1]);
  });

  it('requires the two rarest words together when every word is over the budget', () => {
    const plan = planKeywordSearch('heron water number', { statistics: createTermStatistics(db), rowBudget: 0 });
    expect(plan).toEqual({ matched: ['heron', 'number'], requireAll: true, leftOut: ['water'] });
    const required = planKeywordSearch('water flowed', { statistics: createTermStatistics(db), rowBudget: 3 });
    expect(searchPlannedKeywords(repo, required, 10).map((hit) => hit.id).sort()).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it('matches the required words near each other first, then anywhere in the passage', () => {
    index.cleanup();
    index = createTextIndex([
      ...Array.from({ length: 3 }, (_, i) => `Water number ${i} flowed on.`),
      'Water lay still in the pond for many long and quiet days until the spring melt finally flowed in.',
    ]);
    ({ repo, db } = index);
    const statistics = createTermStatistics(db);
    const close = planKeywordSearch('water flowed', { statistics, rowBudget: 0 });
    expect(searchPlannedKeywords(repo, close, 10).map((hit) => hit.id).sort()).toEqual([1, 2, 3]);
    const apart = planKeywordSearch('still finally', { statistics, rowBudget: 0 });
    expect(apart.requireAll).toBe(true);
    expect(searchPlannedKeywords(repo, apart, 10).map((hit) => hit.id)).toEqual([4]);
  });

  it('falls back to the rarest word when no passage holds both required words', () => {
    const hits = searchKeywords(repo, 'heron flowed', 10, { statistics: createTermStatistics(db), rowBudget: 0 });
    expect(hits.map((hit) => hit.id)).toEqual([1]);
  });

  it('matches every word without term statistics', () => {
    expect(searchKeywords(repo, 'heron water', 10, { rowBudget: 3 })).toHaveLength(7);
  });
});
