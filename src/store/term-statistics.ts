import type Database from 'better-sqlite3';
import type { TermStatistics } from '../shared/types.js';
import { areTermCountsSuspended, chunksVocabulary } from './term-passage-counts.js';

/** Terms whose counts are remembered; a few MB at most. */
const MAX_REMEMBERED_TERMS = 50_000;

/**
 * Passage counts per term, as FTS5 indexed them: lowercase and stemmed by its
 * porter tokenizer. Read from `term_passages` (see term-passage-counts.ts).
 * An index older than schema 5, opened read-only, has none, and one whose
 * counts wait for a rebuild has them behind; their counts come from FTS5's
 * own vocabulary (`fts5vocab`), which walks each term's posting list.
 *
 * @see https://www.sqlite.org/fts5.html#the_fts5vocab_virtual_table_module
 */
export function createTermStatistics(db: Database.Database): TermStatistics {
  // One statement for many terms: a spelling correction asks for hundreds at once.
  const lookup = db.prepare<[string], { term: string; doc: number }>(
    hasTermPassages(db) && !areTermCountsSuspended(db)
      ? 'SELECT term, passages AS doc FROM term_passages WHERE term IN (SELECT value FROM json_each(?))'
      : vocabularyLookup(db),
  );
  const passageCount = (db.prepare('SELECT count(*) AS n FROM chunks').get() as { n: number }).n;
  // A lookup costs 5 µs (fts5vocab: 0.1–13 ms) and each question asks three times
  // (spelling, keyword search, reranker). Remembered counts may lag a
  // re-index by another process, as passageCount does; reopening the index
  // renews both.
  const known = new Map<string, number>();
  const frequenciesOf = (terms: readonly string[]): Map<string, number> => {
    const unknown = terms.filter((term) => !known.has(term));
    if (unknown.length > 0) {
      if (known.size + unknown.length > MAX_REMEMBERED_TERMS) known.clear();
      for (const term of unknown) known.set(term, 0);
      for (const row of lookup.all(JSON.stringify(unknown))) known.set(row.term, row.doc);
    }
    return new Map(terms.map((term) => [term, known.get(term) ?? 0]));
  };
  return {
    passageCount,
    documentFrequency: frequenciesOf,
  };
}

function hasTermPassages(db: Database.Database): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'term_passages'").get() !== undefined;
}

function vocabularyLookup(db: Database.Database): string {
  return `SELECT term, doc FROM ${chunksVocabulary(db)} WHERE term IN (SELECT value FROM json_each(?))`;
}
