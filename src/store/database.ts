import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { FootnoteError } from '../shared/errors.js';
import { makeFolders } from '../shared/make-folders.js';

/** The SQLite file inside the index folder. */
export const DATABASE_FILE_NAME = 'footnote.sqlite';

/** The schema version this build reads and writes (`PRAGMA user_version`). */
export const SCHEMA_VERSION = 6;

/**
 * The oldest schema a read-only connection still reads as it is: version 2
 * only added `chunks.terms`, version 3 `chunks.section`, version 4
 * `chunk_terms`, version 5 `term_passages` and version 6 `chunks.headings`,
 * which readers do without or read where they were (see ChunkRepository and term-statistics.ts).
 */
const OLDEST_READABLE_VERSION = 1;

/**
 * Migrations by target version: `migrations[n]` takes the schema from version
 * `n` to `n + 1`. Append; never edit a migration that has shipped.
 */
const migrations: readonly string[] = [
  `
  CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    hash TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ms REAL NOT NULL,
    format TEXT NOT NULL,
    title TEXT,
    indexed_at TEXT NOT NULL
  );
  -- AUTOINCREMENT: chunk ids are hnswlib labels, and a reused id would let a
  -- stale vector in the vector file point at a different passage.
  CREATE TABLE chunks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    text TEXT NOT NULL,
    text_hash TEXT NOT NULL,
    start_offset INTEGER,
    end_offset INTEGER,
    start_line INTEGER,
    end_line INTEGER,
    page INTEGER,
    embedding BLOB NOT NULL
  );
  CREATE INDEX chunks_file_id ON chunks(file_id);
  CREATE INDEX chunks_text_hash ON chunks(text_hash);
  -- rowid = chunks.id. Both columns hold toSearchText(...) of the originals.
  CREATE VIRTUAL TABLE chunks_fts USING fts5(
    title,
    text,
    tokenize = 'porter unicode61 remove_diacritics 2'
  );
  `,
  // The reranker's view of each chunk (stemmed content terms by sentence), so
  // questions need not tokenise their candidates. NULL in rows written before,
  // until the next index run fills them (meta terms_missing).
  // vector_removals journals deleted chunks since the vector file was last
  // saved, so that small updates need not rewrite it (see index-state.ts);
  // the trigger writes it inside the same transaction as the delete.
  `
  ALTER TABLE chunks ADD COLUMN terms TEXT;
  CREATE TABLE vector_removals (id INTEGER PRIMARY KEY);
  CREATE TRIGGER chunks_journal_removal AFTER DELETE ON chunks BEGIN
    INSERT OR IGNORE INTO vector_removals (id) VALUES (old.id);
  END;
  `,
  // The Markdown headings a chunk sits under (Chunk.section). NULL in rows
  // written before, until the chunker version in meta `chunking` makes the
  // next index run re-chunk every file.
  `
  ALTER TABLE chunks ADD COLUMN section TEXT;
  `,
  // The sentence terms in a table of their own. In `chunks` they came
  // after the 4 KB embedding, so reading them walked each row's overflow
  // pages: 100 candidates' terms took 0.81 ms on average (p95 2.4 ms) on a
  // 100,000-chunk index, and 0.29 ms (p95 0.64 ms) from here. Rows written
  // before keep their old copy in chunks.terms, which nothing reads now.
  `
  CREATE TABLE chunk_terms (id INTEGER PRIMARY KEY, terms TEXT NOT NULL);
  INSERT INTO chunk_terms (id, terms) SELECT id, terms FROM chunks WHERE terms IS NOT NULL;
  CREATE TRIGGER chunks_delete_terms AFTER DELETE ON chunks BEGIN
    DELETE FROM chunk_terms WHERE id = old.id;
  END;
  `,
  // How many passages hold each FTS5 term, kept by TermPassageCounts, so
  // that a question's idf weights need not walk posting lists through
  // fts5vocab. Filled here from that vocabulary: 4.3 s at 1M chunks.
  `
  CREATE TABLE term_passages (term TEXT PRIMARY KEY, passages INTEGER NOT NULL) WITHOUT ROWID;
  CREATE VIRTUAL TABLE temp.migration_vocab USING fts5vocab(main, 'chunks_fts', 'row');
  INSERT INTO term_passages (term, passages) SELECT term, doc FROM temp.migration_vocab;
  DROP TABLE temp.migration_vocab;
  `,
  // The heading lines inside a chunk (Chunk.headings, as JSON). NULL for
  // formats without headings and in rows written before; the chunker
  // version makes the next index run re-chunk every file.
  `
  ALTER TABLE chunks ADD COLUMN headings TEXT;
  `,
];

/** How to open the index database. */
export interface OpenDatabaseOptions {
  /** Open for reading only; never creates or migrates anything. Default false. */
  readonly?: boolean;
  /**
   * Create the folder and the database when they are missing. Defaults to
   * `true` for writable opens and is ignored for read-only ones.
   */
  create?: boolean;
}

/**
 * Opens (and for writers creates and migrates) `footnote.sqlite` in
 * `indexDir`, with WAL journaling so readers never block the one writer.
 *
 * @throws FootnoteError `INDEX_NOT_FOUND` when the database is missing and may
 * not be created (or, read-only, was never migrated); `INDEX_CORRUPT` when the
 * file is not a SQLite database or comes from a newer schema.
 */
export function openDatabase(
  indexDir: string,
  options: OpenDatabaseOptions = {},
): Database.Database {
  const readonly = options.readonly ?? false;
  const create = !readonly && (options.create ?? true);
  const filePath = path.join(indexDir, DATABASE_FILE_NAME);

  if (create) {
    makeFolders(indexDir);
  } else if (!fs.existsSync(filePath)) {
    throw new FootnoteError('INDEX_NOT_FOUND', { path: indexDir });
  }

  let db: Database.Database;
  try {
    db = new Database(filePath, { readonly, fileMustExist: !create });
  } catch (error) {
    throw toIndexError(error, filePath, indexDir);
  }
  try {
    configure(db, readonly);
    migrate(db, readonly, filePath, indexDir);
    return db;
  } catch (error) {
    db.close();
    throw toIndexError(error, filePath, indexDir);
  }
}

/** Most of the index file that reads may map (64-bit address space is plentiful). */
const MMAP_BYTES = 2 ** 34;

function configure(db: Database.Database, readonly: boolean): void {
  // journal_mode is stored in the file; a read-only connection can't set it.
  if (!readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Reads go through a memory map instead of SQLite's 2 MB page cache: a
  // question touches ~200 scattered rows (text and 1–4 KB embeddings), which
  // thrashed that cache and cost ~20 ms a question at 100k chunks. The map
  // is an upper bound; only the file's real size is mapped.
  db.pragma(`mmap_size = ${MMAP_BYTES}`);
}

function migrate(
  db: Database.Database,
  readonly: boolean,
  filePath: string,
  indexDir: string,
): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new FootnoteError('INDEX_CORRUPT', {
      path: filePath,
      detail: `schema version ${version} is newer than this footnote supports (${SCHEMA_VERSION})`,
    });
  }
  if (version === SCHEMA_VERSION) return;
  if (readonly && version >= OLDEST_READABLE_VERSION) return;
  if (readonly) {
    // An empty or half-made file: nothing has ever been indexed into it.
    if (version === 0) throw new FootnoteError('INDEX_NOT_FOUND', { path: indexDir });
    throw new FootnoteError('INDEX_CORRUPT', {
      path: filePath,
      detail: `schema version ${version} needs an upgrade; run an index command first`,
    });
  }
  db.transaction(() => {
    for (let from = version; from < SCHEMA_VERSION; from++) {
      db.exec(migrations[from] ?? '');
    }
    // Chunks written before version 2 have no terms (see migration 1).
    if (version === 1) db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('terms_missing', '1')").run();
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}

/** Maps SQLite's errors on opening onto the catalogue: not a database, missing, or in a folder it may not write. */
export function toIndexError(error: unknown, filePath: string, indexDir: string): unknown {
  if (FootnoteError.isInstance(error)) return error;
  if (error instanceof Database.SqliteError) {
    if (error.code === 'SQLITE_NOTADB' || error.code.startsWith('SQLITE_CORRUPT')) {
      return new FootnoteError(
        'INDEX_CORRUPT',
        { path: filePath, detail: error.message },
        { cause: error },
      );
    }
    if (error.code === 'SQLITE_CANTOPEN') {
      return new FootnoteError('INDEX_NOT_FOUND', { path: indexDir }, { cause: error });
    }
    // Even a reader of a WAL database writes its shared-memory file beside it.
    if (error.code.startsWith('SQLITE_READONLY')) {
      return new FootnoteError(
        'INDEX_UNWRITABLE',
        { path: indexDir, detail: 'SQLite must write beside the database even to read it' },
        { cause: error },
      );
    }
  }
  return error;
}
