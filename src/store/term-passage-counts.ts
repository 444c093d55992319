import type Database from 'better-sqlite3';

/** The FTS5 tokenizer of `chunks_fts` (database.ts), which the scratch tables must share. */
const CHUNKS_TOKENIZER = 'porter unicode61 remove_diacritics 2';

/** Meta key present while the counts are suspended (see {@link TermPassageCounts.suspend}). */
const SUSPENDED_KEY = 'term_counts';

/**
 * Keeps `term_passages` (how many passages hold each FTS5 term) in step with
 * `chunks_fts`, as Lucene keeps each term's document frequency in its term
 * dictionary. Counting a term at question time through `fts5vocab` walks its
 * whole posting list: 3–13 ms for a word in a fifth of a million passages.
 *
 * FTS5 counts the terms itself. The rows a transaction adds and removes are
 * fed to two scratch FTS5 tables with the same tokenizer, and their
 * vocabularies give the exact terms to add and take away when the
 * transaction ends ({@link flush}). JavaScript's stemmer agrees with FTS5's
 * porter on plain words but not on every token (`1950s`, `straße`,
 * Devanagari), and a count that drifted would never heal.
 *
 * The scratch tables live in the connection's temp schema, which takes part
 * in its transactions: a write that rolls back takes its pending counts
 * with it.
 *
 * A run that writes most of the index counts nothing as it goes: it
 * {@link suspend}s the counts and {@link rebuild}s them from FTS5's
 * vocabulary at its end, as a bulk load builds its indexes after the rows.
 * Feeding the scratch tables took 0.3 s of the 3.5 s that 1,000 files
 * (7,670 chunks) take to index; counting from the vocabulary took 25–35 ms
 * at that size and 0.16–0.28 s at 100k chunks.
 */
export class TermPassageCounts {
  readonly #addRow: Database.Statement<[string, string]>;
  readonly #removeRow: Database.Statement<[number]>;
  readonly #db: Database.Database;
  #pending = false;
  #suspended: boolean;

  /** Creates the scratch tables: call outside any transaction, on a writable connection. */
  constructor(db: Database.Database) {
    this.#db = db;
    // In memory, the scratch tables skip the temporary files and their
    // journal: indexing 1,000 files took 3.7–4.2 s this way, 4.0–5.3 s
    // with them on disk (4 alternating runs, 3.5–3.8 s with no counts).
    db.pragma('temp_store = MEMORY');
    for (const name of ['added_terms', 'removed_terms']) {
      db.exec(
        `CREATE VIRTUAL TABLE IF NOT EXISTS temp.${name} USING fts5(title, text, content = '', tokenize = '${CHUNKS_TOKENIZER}');
         CREATE VIRTUAL TABLE IF NOT EXISTS temp.${name}_vocab USING fts5vocab(temp, '${name}', 'row');`,
      );
    }
    this.#addRow = db.prepare('INSERT INTO temp.added_terms (title, text) VALUES (?, ?)');
    // Read from chunks_fts before its row is deleted: what FTS5 indexed is what to take away.
    this.#removeRow = db.prepare(
      'INSERT INTO temp.removed_terms (title, text) SELECT title, text FROM chunks_fts WHERE rowid = ?',
    );
    this.#suspended = areTermCountsSuspended(db);
  }

  /** True while the counts wait for {@link rebuild}: until then readers count through fts5vocab. */
  get suspended(): boolean {
    return this.#suspended;
  }

  /**
   * Stops counting until {@link rebuild}. Recorded in meta, so that readers
   * meanwhile, and the run after one that was killed, know the counts are behind.
   */
  suspend(): void {
    this.#db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?, 'rebuild')").run(SUSPENDED_KEY);
    this.#suspended = true;
  }

  /** Counts every term anew from FTS5's vocabulary, in one transaction, and resumes counting. */
  rebuild(): void {
    this.#db.transaction(() => {
      this.#db.exec(`
        DELETE FROM term_passages;
        INSERT INTO term_passages (term, passages) SELECT term, doc FROM ${chunksVocabulary(this.#db)};
      `);
      this.#db.prepare('DELETE FROM meta WHERE key = ?').run(SUSPENDED_KEY);
      this.#discardPending();
    })();
    this.#suspended = false;
  }

  /** Counts a row about to be written to `chunks_fts`, with the same column values. */
  add(title: string, text: string): void {
    if (this.#suspended) return;
    this.#addRow.run(title, text);
    this.#pending = true;
  }

  /** Uncounts the `chunks_fts` row `rowid`: call before deleting it. */
  remove(rowid: number): void {
    if (this.#suspended) return;
    this.#removeRow.run(rowid);
    this.#pending = true;
  }

  /** Applies what was added and removed to `term_passages`; call inside the transaction that wrote the rows. */
  flush(): void {
    if (!this.#pending) return;
    this.#db.exec(`
      INSERT INTO term_passages (term, passages)
        SELECT term, sum(passages) FROM (
          SELECT term, doc AS passages FROM temp.added_terms_vocab
          UNION ALL
          SELECT term, -doc FROM temp.removed_terms_vocab
        ) GROUP BY term HAVING sum(passages) != 0
        ON CONFLICT (term) DO UPDATE SET passages = passages + excluded.passages;
      DELETE FROM term_passages WHERE passages <= 0 AND term IN (SELECT term FROM temp.removed_terms_vocab);
    `);
    this.#discardPending();
  }

  /** Forgets every count, for a store that deletes every passage. */
  clear(): void {
    this.#db.exec('DELETE FROM term_passages');
    this.#discardPending();
  }

  #discardPending(): void {
    this.#db.exec(
      "INSERT INTO temp.added_terms (added_terms) VALUES ('delete-all'); INSERT INTO temp.removed_terms (removed_terms) VALUES ('delete-all');",
    );
    this.#pending = false;
  }
}

/** Whether `term_passages` is behind `chunks_fts` until a writer rebuilds it. */
export function areTermCountsSuspended(db: Database.Database): boolean {
  return db.prepare('SELECT 1 FROM meta WHERE key = ?').get(SUSPENDED_KEY) !== undefined;
}

/**
 * FTS5's vocabulary of `chunks_fts` (a row per term, with its passage count),
 * created in the connection's temp schema if need be: the name to read it by.
 * The temp schema is writable even on a read-only connection.
 */
export function chunksVocabulary(db: Database.Database): string {
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.chunks_vocab USING fts5vocab(main, 'chunks_fts', 'row')");
  return 'temp.chunks_vocab';
}
