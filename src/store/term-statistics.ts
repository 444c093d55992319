import type Database from 'better-sqlite3';
import type { TermStatistics } from '../shared/types.js';

/**
 * Passage counts per term, read from FTS5's own vocabulary (`fts5vocab`), so
 * idf weights need no second index. Terms are as FTS5's porter tokenizer stores
 * them: lowercase and stemmed.
 *
 * @see https://www.sqlite.org/fts5.html#the_fts5vocab_virtual_table_module
 */
export function createTermStatistics(db: Database.Database): TermStatistics {
  // The temp schema is writable even on a read-only connection.
  db.exec(
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.chunks_vocab USING fts5vocab(main, 'chunks_fts', 'row')",
  );
  const lookup = db.prepare<[string], { doc: number }>('SELECT doc FROM temp.chunks_vocab WHERE term = ?');
  const passageCount = (db.prepare('SELECT count(*) AS n FROM chunks').get() as { n: number }).n;
  return {
    passageCount,
    documentFrequency(terms) {
      return new Map(terms.map((term) => [term, lookup.get(term)?.doc ?? 0]));
    },
  };
}
