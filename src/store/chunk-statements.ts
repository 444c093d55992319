import type Database from 'better-sqlite3';
import type { DocumentFormat } from '../shared/types.js';

/** A chunk joined with its file, as the SELECT in getChunks returns it. */
export interface ChunkRow {
  id: number;
  ordinal: number;
  text: string;
  start_offset: number | null;
  end_offset: number | null;
  start_line: number | null;
  end_line: number | null;
  page: number | null;
  /** NULL when the index predates sections (schema 2 and older). */
  section: string | null;
  /** `Chunk.headings` as JSON; NULL for formats without headings and in rows written before them. */
  headings: string | null;
  path: string;
  title: string | null;
  format: DocumentFormat;
}

/** A row of the files table. */
export interface FileRow {
  id: number;
  path: string;
  hash: string;
  size: number;
  mtime_ms: number;
  format: DocumentFormat;
  title: string | null;
}

/** The repository's fixed statements. */
export type ChunkStatements = ReturnType<typeof prepareStatements>;

/** Every fixed statement, prepared once per connection. */
export function prepareStatements(db: Database.Database) {
  return {
    getMeta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
    setMeta: db.prepare<[string, string]>(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    ),
    listFiles: db.prepare<[], FileRow>(
      'SELECT id, path, hash, size, mtime_ms, format, title FROM files ORDER BY path',
    ),
    chunkIdsOfPath: db.prepare<[string], { id: number }>(
      'SELECT chunks.id FROM chunks JOIN files ON files.id = chunks.file_id WHERE files.path = ? ORDER BY chunks.id',
    ),
    deleteFts: db.prepare<[number]>('DELETE FROM chunks_fts WHERE rowid = ?'),
    deleteChunksOfPath: db.prepare<[string]>(
      'DELETE FROM chunks WHERE file_id = (SELECT id FROM files WHERE path = ?)',
    ),
    touchFile: db.prepare<[number, number, string]>(
      'UPDATE files SET size = ?, mtime_ms = ? WHERE path = ?',
    ),
    deleteFile: db.prepare<[string]>('DELETE FROM files WHERE path = ?'),
    upsertFile: db.prepare<
      [string, string, number, number, string, string | null, string],
      { id: number }
    >(
      `INSERT INTO files (path, hash, size, mtime_ms, format, title, indexed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(path) DO UPDATE SET hash = excluded.hash, size = excluded.size,
         mtime_ms = excluded.mtime_ms, format = excluded.format, title = excluded.title,
         indexed_at = excluded.indexed_at
       RETURNING id`,
    ),
    insertFts: db.prepare<[number, string, string]>(
      'INSERT INTO chunks_fts (rowid, title, text) VALUES (?, ?, ?)',
    ),
    searchText: db.prepare<[number, number, string, number], { id: number; score: number }>(
      `SELECT rowid AS id, -bm25(chunks_fts, ?, ?) AS score FROM chunks_fts
       WHERE chunks_fts MATCH ? ORDER BY score DESC, id LIMIT ?`,
    ),
    allEmbeddings: db.prepare<[], { id: number; embedding: Buffer }>(
      'SELECT id, embedding FROM chunks ORDER BY id',
    ),
    getEmbeddings: db.prepare<[string], { id: number; embedding: Buffer }>(
      'SELECT id, embedding FROM chunks WHERE id IN (SELECT value FROM json_each(?))',
    ),
    findEmbeddings: db.prepare<[string], { text_hash: string; embedding: Buffer }>(
      'SELECT text_hash, embedding FROM chunks WHERE text_hash IN (SELECT value FROM json_each(?))',
    ),
    counts: db.prepare<[], { files: number; chunks: number }>(
      'SELECT (SELECT count(*) FROM files) AS files, (SELECT count(*) FROM chunks) AS chunks',
    ),
  };
}

/**
 * The chunks with the ids of a JSON array, joined with their files. Lists
 * arrive as one JSON array: one prepared statement for any length, where an
 * IN list of placeholders needed a new statement per count (and batches under
 * SQLite's cap on bound parameters). `hasSection` and `hasHeadings` are
 * false for a read-only connection to an index older than schema 3 and 6,
 * whose chunks have no section or no heading lines.
 */
export function prepareGetChunks(db: Database.Database, hasSection: boolean, hasHeadings: boolean) {
  return db.prepare<[string], ChunkRow>(
    `SELECT chunks.id, chunks.ordinal, chunks.text, chunks.start_offset, chunks.end_offset,
       chunks.start_line, chunks.end_line, chunks.page, ${hasSection ? 'chunks.section' : 'NULL AS section'},
       ${hasHeadings ? 'chunks.headings' : 'NULL AS headings'},
       files.path, files.title, files.format
     FROM chunks JOIN files ON files.id = chunks.file_id
     WHERE chunks.id IN (SELECT value FROM json_each(?))`,
  );
}

/**
 * The chunk insert, prepared apart because it names `chunks.section` and
 * `chunks.headings`, which a read-only connection to an older index lacks
 * (and never inserts into).
 */
export function prepareInsertChunk(db: Database.Database) {
  return db.prepare<
    [number, number, string, string, number, number, number, number, number | null, string | null, string | null, Buffer],
    { id: number }
  >(
    `INSERT INTO chunks (file_id, ordinal, text, text_hash, start_offset, end_offset,
       start_line, end_line, page, section, headings, embedding)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
  );
}

/** Stores a chunk's sentence terms (a writer's connection is always at the current schema). */
export function prepareInsertSentenceTerms(db: Database.Database) {
  return db.prepare<[number, string]>('INSERT OR REPLACE INTO chunk_terms (id, terms) VALUES (?, ?)');
}

/**
 * Sentence terms by id (a JSON array), from where the index keeps them:
 * `chunk_terms` from version 4, `chunks.terms` in versions 2 and 3, which a
 * read-only connection reads as they are.
 */
export function prepareGetSentenceTerms(db: Database.Database, table: 'chunk_terms' | 'chunks') {
  return db.prepare<[string], { id: number; terms: string | null }>(
    `SELECT id, terms FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`,
  );
}
