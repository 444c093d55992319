import type Database from 'better-sqlite3';
import type { TermStatistics } from '../shared/types.js';

/** Terms whose counts are remembered; a few MB at most. */
const MAX_REMEMBERED_TERMS = 50_000;

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
  // One statement for many terms: a spelling correction asks for hundreds at once.
  const lookup = db.prepare<[string], { term: string; doc: number }>(
    'SELECT term, doc FROM temp.chunks_vocab WHERE term IN (SELECT value FROM json_each(?))',
  );
  const passageCount = (db.prepare('SELECT count(*) AS n FROM chunks').get() as { n: number }).n;
  // A vocabulary lookup costs ~0.1 ms and each question asks three times
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
