import Database from 'better-sqlite3';
import type { Chunk, ChunkHeading, DocumentFormat, StoredChunk } from '../shared/types.js';
import {
  type ChunkRow,
  type ChunkStatements,
  prepareGetChunks,
  prepareGetSentenceTerms,
  prepareInsertChunk,
  prepareInsertSentenceTerms,
  prepareStatements,
} from './chunk-statements.js';
import { fromBlob, toBlob } from './embedding-blob.js';
import { analyzePassage, type PassageAnalysis } from './analyze-passage.js';
import { toSearchText } from './search-text.js';
import { TermPassageCounts } from './term-passage-counts.js';
import { formatSentenceTerms, tokenizePassage } from '../text/sentence-terms.js';
import { passageHeading } from '../shared/passage-heading.js';
import { searchableText } from '../chunk/searchable-text.js';

/** A file row as stored in the index. */
export interface FileRecord {
  id: number;
  /** Path relative to the corpus root, with `/` separators. */
  path: string;
  /** Content hash; a file whose hash is unchanged is not re-chunked. */
  hash: string;
  /** Size in bytes. */
  size: number;
  mtimeMs: number;
  format: DocumentFormat;
  title: string | null;
}

/** A file to write: everything in {@link FileRecord} but the row id. */
export type NewFile = Omit<FileRecord, 'id'>;

/** A chunk to write, with its embedding. */
export interface NewChunk {
  chunk: Chunk;
  /** Hash of what was embedded (`embeddingInput`: heading and text), to reuse the embeddings of unchanged passages. */
  textHash: string;
  embedding: Float32Array;
  /**
   * Its search terms when already computed (an index run does it on a worker
   * thread) from `passageHeading` of the file's title and the chunk's section,
   * and its text; otherwise computed here.
   */
  analysis?: PassageAnalysis;
}

/** BM25 column weights for {@link ChunkRepository.searchText}. */
export interface TextSearchWeights {
  /** Weight of a match in the document title. Default 1. */
  titleWeight?: number;
  /** Weight of a match in the passage text. Default 1. */
  textWeight?: number;
}

/**
 * Reads and writes files, chunks, their embeddings and their FTS5 rows.
 * Every write that touches more than one row runs in one transaction, so a
 * crash leaves either the old file or the new one, never half of each.
 */
export class ChunkRepository {
  readonly #db: Database.Database;
  readonly #statements: ChunkStatements;
  #insertChunk: ReturnType<typeof prepareInsertChunk> | null = null;
  #getSentenceTerms: ReturnType<typeof prepareGetSentenceTerms> | null = null;
  #insertSentenceTerms: ReturnType<typeof prepareInsertSentenceTerms> | null = null;
  /** Where the sentence terms are: their own table from version 4, `chunks.terms` in 2 and 3, none in 1. */
  readonly #termsTable: 'chunk_terms' | 'chunks' | null;
  readonly #getChunks: ReturnType<typeof prepareGetChunks>;
  /** False for a read-only connection to a version-1 index: no `chunks.terms`, no `vector_removals`. */
  readonly #hasVersion2Tables: boolean;
  /** Null on a read-only connection, which never writes. */
  readonly #termCounts: TermPassageCounts | null;
  /** How deep the open {@link transaction}s are: the outermost one brings the term counts up to date. */
  #transactionDepth = 0;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#statements = prepareStatements(db);
    const columns = new Set((db.pragma('table_info(chunks)') as { name: string }[]).map((column) => column.name));
    this.#hasVersion2Tables = columns.has('terms');
    const hasTermsTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'chunk_terms'").get() !== undefined;
    this.#termsTable = hasTermsTable ? 'chunk_terms' : this.#hasVersion2Tables ? 'chunks' : null;
    // A read-only connection to an index older than schema 3 reads every
    // section as null, and one older than schema 6 no heading lines.
    this.#getChunks = prepareGetChunks(db, columns.has('section'), columns.has('headings'));
    this.#termCounts = db.readonly ? null : new TermPassageCounts(db);
  }

  /** The value stored under `key` in the meta table, or null. */
  getMeta(key: string): string | null {
    return this.#statements.getMeta.get(key)?.value ?? null;
  }

  /** Stores `value` under `key`, replacing any earlier value. */
  setMeta(key: string, value: string): void {
    this.#statements.setMeta.run(key, value);
  }

  /** Every indexed file, ordered by path. */
  listFiles(): FileRecord[] {
    return this.#statements.listFiles.all().map((row) => ({
      id: row.id,
      path: row.path,
      hash: row.hash,
      size: row.size,
      mtimeMs: row.mtime_ms,
      format: row.format,
      title: row.title,
    }));
  }

  /**
   * Replaces everything stored for `file.path` with `chunks`, in one
   * transaction. The file keeps its row id; its chunks get fresh ids.
   *
   * @returns the ids to remove from and add to the vector index.
   */
  replaceFile(
    file: NewFile,
    chunks: readonly NewChunk[],
  ): { removedChunkIds: number[]; addedChunkIds: number[] } {
    return this.transaction(() => {
      const removedChunkIds = this.#deleteChunksOf(file.path);
      const fileRow = this.#statements.upsertFile.get(
        file.path,
        file.hash,
        file.size,
        file.mtimeMs,
        file.format,
        file.title,
        new Date().toISOString(),
      );
      if (fileRow === undefined) throw new Error(`upsert of ${file.path} returned no row`);
      const fileSearchTitle = toSearchText(file.title ?? '');
      this.#insertChunk ??= prepareInsertChunk(this.#db);
      this.#insertSentenceTerms ??= prepareInsertSentenceTerms(this.#db);
      const insertChunk = this.#insertChunk;
      const insertSentenceTerms = this.#insertSentenceTerms;
      const addedChunkIds = chunks.map(({ chunk, textHash, embedding, analysis }) => {
        // A section's words count as the title's (see passageHeading).
        const heading = passageHeading({ title: file.title, section: chunk.section });
        const { sentenceTerms, searchText } = analysis ?? analyzePassage({ title: heading, text: chunk.text, format: file.format });
        const row = insertChunk.get(
          fileRow.id,
          chunk.ordinal,
          chunk.text,
          textHash,
          chunk.startOffset,
          chunk.endOffset,
          chunk.startLine,
          chunk.endLine,
          chunk.page,
          chunk.section,
          chunk.headings === undefined ? null : JSON.stringify(chunk.headings),
          toBlob(embedding),
        );
        if (row === undefined) throw new Error(`insert of a chunk of ${file.path} returned no row`);
        insertSentenceTerms.run(row.id, sentenceTerms);
        const searchTitle = chunk.section === null ? fileSearchTitle : toSearchText(heading ?? '');
        this.#statements.insertFts.run(row.id, searchTitle, searchText);
        this.#termCounts?.add(searchTitle, searchText);
        return row.id;
      });
      return { removedChunkIds, addedChunkIds };
    });
  }

  /**
   * Records a new size and mtime for a file whose content hash is unchanged,
   * so the next run's cheap stat check passes. Unknown paths are ignored.
   */
  touchFile(path: string, size: number, mtimeMs: number): void {
    this.#statements.touchFile.run(size, mtimeMs, path);
  }

  /** Removes a file with its chunks and FTS rows; returns the removed chunk ids. */
  removeFile(path: string): number[] {
    return this.transaction(() => {
      const removed = this.#deleteChunksOf(path);
      this.#statements.deleteFile.run(path);
      return removed;
    });
  }

  /**
   * Stored embeddings by text hash, to skip re-embedding passages whose text
   * is already in the index (under any file). Missing hashes are absent.
   */
  findEmbeddings(textHashes: readonly string[]): Map<string, Float32Array> {
    const found = new Map<string, Float32Array>();
    for (const row of this.#statements.findEmbeddings.all(JSON.stringify(textHashes))) {
      if (!found.has(row.text_hash)) found.set(row.text_hash, fromBlob(row.embedding));
    }
    return found;
  }

  /** The chunks with these ids, in the order of `ids`; unknown ids are dropped. */
  getChunks(ids: readonly number[]): StoredChunk[] {
    const byId = new Map<number, StoredChunk>();
    for (const row of this.#getChunks.all(JSON.stringify(ids))) byId.set(row.id, toStoredChunk(row));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /**
   * Full-text search with BM25 over `title` and `text`, best first. `match` is
   * an FTS5 MATCH expression built by the caller from `toSearchText` output; a
   * malformed expression yields `[]` rather than an error.
   *
   * @returns chunk ids with `score = -bm25` (higher is better).
   * @see https://www.sqlite.org/fts5.html#the_bm25_function
   */
  searchText(
    match: string,
    limit: number,
    weights: TextSearchWeights = {},
  ): { id: number; score: number }[] {
    const titleWeight = weights.titleWeight ?? 1;
    const textWeight = weights.textWeight ?? 1;
    try {
      return this.#statements.searchText.all(
        titleWeight,
        textWeight,
        match,
        limit,
      );
    } catch (error) {
      // The statement itself is known-good (prepared in the constructor), so
      // an SQLITE_ERROR here comes from parsing the MATCH expression:
      // "fts5: syntax error near …", "no such column: …", "unterminated string".
      if (error instanceof Database.SqliteError && error.code === 'SQLITE_ERROR') return [];
      throw error;
    }
  }

  /**
   * The reranker's view of the given chunks: stemmed content terms by sentence
   * of title and text (see `tokenizePassage`), as `formatSentenceTerms` stored
   * them. Chunks stored without terms (by a version-1 index) and unknown ids
   * are left out.
   */
  getSentenceTerms(ids: readonly number[]): Map<number, string> {
    const terms = new Map<number, string>();
    if (this.#termsTable === null) return terms;
    this.#getSentenceTerms ??= prepareGetSentenceTerms(this.#db, this.#termsTable);
    for (const row of this.#getSentenceTerms.all(JSON.stringify(ids))) {
      if (row.terms !== null) terms.set(row.id, row.terms);
    }
    return terms;
  }

  /**
   * Gives chunks stored by a version-1 index their sentence terms, once, after
   * the upgrade (meta `terms_missing`); until then questions tokenise them.
   */
  fillMissingSentenceTerms(): void {
    if (this.getMeta('terms_missing') === null) return;
    this.transaction(() => {
      const rows = this.#db
        .prepare<[], { id: number; text: string; title: string | null; section: string | null; format: DocumentFormat }>(
          `SELECT chunks.id, chunks.text, chunks.section, files.title, files.format FROM chunks JOIN files ON files.id = chunks.file_id
           WHERE chunks.id NOT IN (SELECT id FROM chunk_terms)`,
        )
        .all();
      this.#insertSentenceTerms ??= prepareInsertSentenceTerms(this.#db);
      const insert = this.#insertSentenceTerms;
      for (const row of rows) {
        insert.run(row.id, formatSentenceTerms(tokenizePassage(passageHeading(row), searchableText(row.text, row.format))));
      }
      this.#db.prepare("DELETE FROM meta WHERE key = 'terms_missing'").run();
    });
  }

  /** The stored embeddings of the given chunks; unknown ids are left out. */
  getEmbeddings(ids: readonly number[]): Map<number, Float32Array> {
    const vectors = new Map<number, Float32Array>();
    for (const row of this.#statements.getEmbeddings.all(JSON.stringify(ids))) {
      vectors.set(row.id, fromBlob(row.embedding));
    }
    return vectors;
  }

  /**
   * Every chunk's embedding, by ascending id, read lazily. Use it to rebuild
   * the vector index without the embedder. The connection is busy until the
   * iterator finishes, so do not write through this repository meanwhile.
   */
  *allEmbeddings(): IterableIterator<{ id: number; embedding: Float32Array }> {
    for (const row of this.#statements.allEmbeddings.iterate()) {
      yield { id: row.id, embedding: fromBlob(row.embedding) };
    }
  }

  /** The embedding of every chunk whose file is not one of `paths`. */
  *embeddingsExceptPaths(paths: readonly string[]): IterableIterator<{ id: number; embedding: Float32Array }> {
    const rows = this.#db
      .prepare<[string], { id: number; embedding: Buffer }>(
        'SELECT chunks.id, chunks.embedding FROM chunks JOIN files ON files.id = chunks.file_id ' +
          'WHERE files.path NOT IN (SELECT value FROM json_each(?)) ORDER BY chunks.id',
      )
      .iterate(JSON.stringify(paths));
    for (const row of rows) yield { id: row.id, embedding: fromBlob(row.embedding) };
  }

  /** Chunks added after `id` (ids only grow), with their embeddings, by ascending id. */
  *embeddingsAfter(id: number): IterableIterator<{ id: number; embedding: Float32Array }> {
    const rows = this.#db
      .prepare<[number], { id: number; embedding: Buffer }>('SELECT id, embedding FROM chunks WHERE id > ? ORDER BY id')
      .iterate(id);
    for (const row of rows) yield { id: row.id, embedding: fromBlob(row.embedding) };
  }

  /** How many chunks the files at `paths` have; unknown paths count 0. */
  countChunksOfPaths(paths: readonly string[]): number {
    if (paths.length === 0) return 0;
    return (
      this.#db
        .prepare(
          'SELECT count(*) AS n FROM chunks JOIN files ON files.id = chunks.file_id WHERE files.path IN (SELECT value FROM json_each(?))',
        )
        .get(JSON.stringify(paths)) as { n: number }
    ).n;
  }

  /** How many chunks have an id above `id`. */
  countChunksAfter(id: number): number {
    return (this.#db.prepare('SELECT count(*) AS n FROM chunks WHERE id > ?').get(id) as { n: number }).n;
  }

  /** The highest chunk id ever given (AUTOINCREMENT remembers deleted ones), 0 for none. */
  lastChunkId(): number {
    const row = this.#db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'chunks'").get() as
      | { seq: number }
      | undefined;
    return row?.seq ?? 0;
  }

  /** Ids of chunks deleted since {@link clearVectorRemovals} (a trigger records them); none in a version-1 index. */
  vectorRemovals(): number[] {
    if (!this.#hasVersion2Tables) return [];
    return (this.#db.prepare('SELECT id FROM vector_removals ORDER BY id').all() as { id: number }[]).map(
      (row) => row.id,
    );
  }

  /** How many chunks were deleted since {@link clearVectorRemovals}. */
  countVectorRemovals(): number {
    if (!this.#hasVersion2Tables) return 0;
    return (this.#db.prepare('SELECT count(*) AS n FROM vector_removals').get() as { n: number }).n;
  }

  /** Forgets the recorded deletions: the vector file now reflects them. */
  clearVectorRemovals(): void {
    this.#db.exec('DELETE FROM vector_removals');
  }

  /** How many files and chunks the index holds. */
  counts(): { files: number; chunks: number } {
    return this.#statements.counts.get() ?? { files: 0, chunks: 0 };
  }

  /**
   * Deletes every file, chunk and FTS row but keeps meta, for `index --full`.
   * Chunk ids still never repeat: AUTOINCREMENT remembers the highest one.
   */
  clear(): void {
    this.transaction(() => {
      this.#db.exec('DELETE FROM chunks_fts; DELETE FROM chunks; DELETE FROM files;');
      this.#termCounts?.clear();
    });
  }

  /**
   * Stops keeping the term counts until {@link rebuildTermCounts}: for a run
   * that writes more passages than the index keeps (term-passage-counts.ts).
   */
  suspendTermCounts(): void {
    this.#writableTermCounts().suspend();
  }

  /** True while the term counts wait for a rebuild: suspended by this run, or by one that did not finish. */
  get termCountsSuspended(): boolean {
    return this.#termCounts?.suspended ?? false;
  }

  /** Counts every term anew and keeps the counts again from here. */
  rebuildTermCounts(): void {
    this.#writableTermCounts().rebuild();
  }

  #writableTermCounts(): TermPassageCounts {
    if (this.#termCounts === null) throw new Error('term counts need a writable connection');
    return this.#termCounts;
  }

  /**
   * Runs `fn` in a transaction (a savepoint when nested); rolls back if it
   * throws. The outermost one updates the term counts of what was written
   * before it commits: once per batch of files rather than per file.
   */
  transaction<T>(fn: () => T): T {
    return this.#db.transaction(() => {
      this.#transactionDepth += 1;
      try {
        const result = fn();
        if (this.#transactionDepth === 1) this.#termCounts?.flush();
        return result;
      } finally {
        this.#transactionDepth -= 1;
      }
    })();
  }

  #deleteChunksOf(path: string): number[] {
    const ids = this.#statements.chunkIdsOfPath.all(path).map((row) => row.id);
    // One FTS delete per rowid: a rowid lookup each, where a subquery
    // could make FTS5 scan the whole table.
    for (const id of ids) {
      this.#termCounts?.remove(id);
      this.#statements.deleteFts.run(id);
    }
    this.#statements.deleteChunksOfPath.run(path);
    return ids;
  }
}

function toStoredChunk(row: ChunkRow): StoredChunk {
  return {
    id: row.id,
    source: row.path,
    title: row.title,
    format: row.format,
    ordinal: row.ordinal,
    text: row.text,
    startOffset: row.start_offset ?? 0,
    endOffset: row.end_offset ?? row.text.length,
    startLine: row.start_line ?? 1,
    endLine: row.end_line ?? 1,
    page: row.page,
    section: row.section,
    ...(row.headings === null ? {} : { headings: JSON.parse(row.headings) as ChunkHeading[] }),
  };
}
