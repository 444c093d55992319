import type Database from 'better-sqlite3';

/**
 * The tables every question reads a few hundred scattered rows of: the
 * candidates' sentence terms, and FTS5's postings and passage lengths (for
 * BM25). The chunks themselves (text and embeddings, most of the file) are
 * read only for the few passages returned, so they are left to the questions.
 */
const PREWARMED_TABLES = [
  { table: 'chunks_fts_docsize', column: 'sz' },
  { table: 'chunk_terms', column: 'terms' },
  { table: 'chunks_fts_data', column: 'block' },
] as const;

/**
 * Largest index, in passages, worth warming up. Past it a question reads too
 * small a share of the pages for mapping them ahead to pay, and the walk
 * maps more than it reads (the kernel maps each fault's neighbours, and the
 * sentence terms' pages lie among the chunks'): at 1M chunks it took
 * 1.2–2.7 s and added 1.1 GB to RSS, for p95 32.4 / 37.1 / 32.3 / 36.5 ms
 * against 30.7 / 31.6 / 43.0 / 32.5 ms without (alternating runs). At 100k
 * it takes 0.3 s and adds ~40 MB.
 */
export const PREWARM_MAX_PASSAGES = 250_000;

/** Rows read between two yields: about 5 ms, so a chat keeps drawing and taking keys. */
export const PREWARM_SLICE_ROWS = 2_000;

export interface PrewarmOptions {
  /** Checked before each slice: true stops the walk (the index was closed, or the caller gave up). */
  shouldStop?: () => boolean;
  sliceRows?: number;
}

export interface PrewarmReport {
  /** Rows read, all tables together. */
  rows: number;
  /** True when `shouldStop` ended the walk early. */
  stopped: boolean;
}

/**
 * Reads the tables that questions read through, once, so that the pages of
 * the database's memory map are mapped before the questions come, as
 * PostgreSQL's `pg_prewarm` loads a table into its buffer cache. The index
 * is read through a memory map (database.ts), and the first read of each
 * page costs a page fault even when the OS has the file cached: at 100k
 * chunks, the first few hundred questions after opening took p95 ≈ 9 ms
 * against ≈ 6.5 ms once these ~100 MB were mapped (a walk of ~250 ms).
 * The walk goes in slices of {@link PREWARM_SLICE_ROWS} rows, yielding to
 * the event loop between them. Callers skip indexes past
 * {@link PREWARM_MAX_PASSAGES}.
 *
 * @see https://www.postgresql.org/docs/current/pgprewarm.html
 */
export async function prewarmIndex(db: Database.Database, options: PrewarmOptions = {}): Promise<PrewarmReport> {
  const shouldStop = options.shouldStop ?? (() => false);
  const sliceRows = options.sliceRows ?? PREWARM_SLICE_ROWS;
  const existing = new Set(
    db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((row) => row.name),
  );
  let rows = 0;
  for (const { table, column } of PREWARMED_TABLES) {
    if (!existing.has(table)) continue;
    // substr(…, -1) makes SQLite load each whole value, overflow pages too;
    // length() alone would read only the row's header.
    const slice = db.prepare<[number, number], { last: number | null; count: number }>(
      `SELECT max(rowid) AS last, count(*) AS count, count(substr(${column}, -1)) AS loaded
         FROM (SELECT rowid, ${column} FROM ${table} WHERE rowid > ? ORDER BY rowid LIMIT ?)`,
    );
    let after = Number.MIN_SAFE_INTEGER;
    for (;;) {
      if (shouldStop()) return { rows, stopped: true };
      const read = slice.get(after, sliceRows)!;
      if (read.last === null) break;
      rows += read.count;
      after = read.last;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return { rows, stopped: false };
}
