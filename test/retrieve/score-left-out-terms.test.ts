import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scoreLeftOutTerms } from '../../src/retrieve/score-left-out-terms.js';
import { ChunkRepository } from '../../src/store/chunk-repository.js';
import { openDatabase } from '../../src/store/database.js';
import { createTermStatistics } from '../../src/store/term-statistics.js';

let indexDir: string;
let db: Database.Database;
let repo: ChunkRepository;

// No stop words, one sentence each: content terms are exactly FTS5's tokens.
const TEXTS = [
  'heron heron river bank',
  'heron marsh',
  'river delta river mouth sediment flows',
  'otter holt',
  'kingfisher river perch dive fish',
];

beforeEach(() => {
  indexDir = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-left-out-'));
  db = openDatabase(indexDir);
  repo = new ChunkRepository(db);
  repo.replaceFile(
    { path: 'a.txt', hash: 'h', size: 1, mtimeMs: 1, format: 'text', title: null },
    TEXTS.map((text, ordinal) => ({
      chunk: { source: 'a.txt', ordinal, text, startOffset: 0, endOffset: text.length, startLine: ordinal + 1, endLine: ordinal + 1, page: null },
      textHash: `th${ordinal}`,
      embedding: Float32Array.from([1, 0]),
    })),
  );
});

afterEach(() => {
  db.close();
  fs.rmSync(indexDir, { recursive: true, force: true });
});

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
