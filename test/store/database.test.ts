import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DATABASE_FILE_NAME,
  SCHEMA_VERSION,
  openDatabase,
  toIndexError,
} from '../../src/store/database.js';
import { FootnoteError } from '../../src/shared/errors.js';

const temporaryDirs: string[] = [];
function makeTemporaryDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-db-'));
  temporaryDirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of temporaryDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('openDatabase', () => {
  it('creates the folder, the schema and the pragmas', () => {
    const indexDir = path.join(makeTemporaryDir(), 'embeddings');
    const db = openDatabase(indexDir, { create: true });
    const tables = db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'index') AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'chunks_fts_%' ORDER BY name",
      )
      .all()
      .map((row) => row.name);
    expect(tables).toEqual([
      'chunk_terms',
      'chunks',
      'chunks_file_id',
      'chunks_fts',
      'chunks_text_hash',
      'files',
      'meta',
      'term_passages',
      'vector_removals',
    ]);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    db.close();
    expect(fs.existsSync(path.join(indexDir, DATABASE_FILE_NAME))).toBe(true);
  });

  it('reopens an existing database without migrating it again', () => {
    const indexDir = makeTemporaryDir();
    const first = openDatabase(indexDir);
    first.prepare("INSERT INTO meta (key, value) VALUES ('k', 'v')").run();
    first.close();
    const second = openDatabase(indexDir);
    expect(second.prepare('SELECT value FROM meta').pluck().get()).toBe('v');
    second.close();
  });

  it('opens an existing index read-only', () => {
    const indexDir = makeTemporaryDir();
    openDatabase(indexDir).close();
    const db = openDatabase(indexDir, { readonly: true });
    expect(db.readonly).toBe(true);
    expect(db.prepare('SELECT count(*) FROM chunks').pluck().get()).toBe(0);
    db.close();
  });

  it('throws INDEX_NOT_FOUND for a read-only open of a missing database', () => {
    const indexDir = path.join(makeTemporaryDir(), 'missing');
    const error = catchError(() => openDatabase(indexDir, { readonly: true }));
    expect(error).toBeInstanceOf(FootnoteError);
    expect((error as FootnoteError).code).toBe('INDEX_NOT_FOUND');
    expect((error as FootnoteError).facts['path']).toBe(indexDir);
    expect(fs.existsSync(indexDir)).toBe(false);
  });

  it('throws INDEX_CORRUPT when the file is not a database', () => {
    const indexDir = makeTemporaryDir();
    const filePath = path.join(indexDir, DATABASE_FILE_NAME);
    fs.writeFileSync(filePath, 'this is not a database, just some text '.repeat(200));
    const error = catchError(() => openDatabase(indexDir));
    expect(error).toBeInstanceOf(FootnoteError);
    expect((error as FootnoteError).code).toBe('INDEX_CORRUPT');
    expect((error as FootnoteError).facts['path']).toBe(filePath);
  });

  it('throws INDEX_CORRUPT for a schema newer than this build', () => {
    const indexDir = makeTemporaryDir();
    const db = openDatabase(indexDir);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const error = catchError(() => openDatabase(indexDir));
    expect((error as FootnoteError).code).toBe('INDEX_CORRUPT');
  });

  it('adds sentence terms and the vector journal to a version-1 index when opened for writing', () => {
    const indexDir = makeTemporaryDir();
    const created = openDatabase(indexDir);
    created.exec('DROP TABLE term_passages; DROP TRIGGER chunks_delete_terms; DROP TABLE chunk_terms; DROP TRIGGER chunks_journal_removal; DROP TABLE vector_removals; ALTER TABLE chunks DROP COLUMN terms; ALTER TABLE chunks DROP COLUMN section; ALTER TABLE chunks DROP COLUMN headings');
    created.pragma('user_version = 1');
    created.close();
    const db = openDatabase(indexDir);
    const columns = (db.pragma('table_info(chunks)') as { name: string }[]).map((column) => column.name);
    expect(columns).toContain('terms');
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'vector_removals'").get()).toEqual({ name: 'vector_removals' });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT value FROM meta WHERE key = 'terms_missing'").get()).toEqual({ value: '1' });
    db.close();
  });
  it('adds the section column to a version-2 index when opened for writing', () => {
    const indexDir = makeTemporaryDir();
    const created = openDatabase(indexDir);
    created.exec('DROP TABLE term_passages; DROP TRIGGER chunks_delete_terms; DROP TABLE chunk_terms; ALTER TABLE chunks DROP COLUMN section; ALTER TABLE chunks DROP COLUMN headings');
    created.pragma('user_version = 2');
    created.close();
    const db = openDatabase(indexDir);
    const columns = (db.pragma('table_info(chunks)') as { name: string }[]).map((column) => column.name);
    expect(columns).toContain('section');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('moves the sentence terms of a version-3 index into their own table when opened for writing', () => {
    const indexDir = makeTemporaryDir();
    const created = openDatabase(indexDir);
    created.exec('DROP TABLE term_passages; DROP TRIGGER chunks_delete_terms; DROP TABLE chunk_terms; ALTER TABLE chunks DROP COLUMN headings');
    created.prepare("INSERT INTO files (path, hash, size, mtime_ms, format, indexed_at) VALUES ('a.txt', 'h', 1, 0, 'text', '')").run();
    created.prepare(
      "INSERT INTO chunks (file_id, ordinal, text, text_hash, embedding, terms) VALUES (1, 0, 'Herons wade.', 'x', x'00000000', 'heron wade')",
    ).run();
    created.pragma('user_version = 3');
    created.close();
    const db = openDatabase(indexDir);
    expect(db.prepare('SELECT id, terms FROM chunk_terms').all()).toEqual([{ id: 1, terms: 'heron wade' }]);
    db.prepare('DELETE FROM chunks').run();
    expect(db.prepare('SELECT count(*) AS n FROM chunk_terms').get()).toEqual({ n: 0 });
    db.close();
  });

  it('counts the terms of a version-4 index when opened for writing', () => {
    const indexDir = makeTemporaryDir();
    const created = openDatabase(indexDir);
    created.exec('DROP TABLE term_passages; ALTER TABLE chunks DROP COLUMN headings');
    created.prepare("INSERT INTO chunks_fts (rowid, title, text) VALUES (1, 'herons', 'herons wade'), (2, '', 'storks wade')").run();
    created.pragma('user_version = 4');
    created.close();
    const db = openDatabase(indexDir);
    expect(db.prepare('SELECT term, passages FROM term_passages ORDER BY term').all()).toEqual([
      { term: 'heron', passages: 1 },
      { term: 'stork', passages: 1 },
      { term: 'wade', passages: 2 },
    ]);
    db.close();
  });

  it('adds the headings column to a version-5 index when opened for writing', () => {
    const indexDir = makeTemporaryDir();
    const created = openDatabase(indexDir);
    created.exec('ALTER TABLE chunks DROP COLUMN headings');
    created.pragma('user_version = 5');
    created.close();
    const db = openDatabase(indexDir);
    const columns = (db.pragma('table_info(chunks)') as { name: string }[]).map((column) => column.name);
    expect(columns).toContain('headings');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('opens a version-2 index read-only as it is', () => {
    const indexDir = makeTemporaryDir();
    const created = openDatabase(indexDir);
    created.exec('ALTER TABLE chunks DROP COLUMN section');
    created.pragma('user_version = 2');
    created.close();
    const db = openDatabase(indexDir, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    db.close();
  });
});

describe('toIndexError', () => {
  it('reports an index in a folder SQLite may not write to as INDEX_UNWRITABLE, not as a bug', () => {
    // As root (CI) every folder is writable, so the error is made as SQLite makes it.
    const error = toIndexError(new Database.SqliteError('attempt to write a readonly database', 'SQLITE_READONLY'), '/ro/footnote.sqlite', '/ro');
    expect(FootnoteError.isInstance(error) && error.code).toBe('INDEX_UNWRITABLE');
    expect((error as FootnoteError).message).toBe('cannot write the index folder /ro: SQLite must write beside the database even to read it');
  });
});
