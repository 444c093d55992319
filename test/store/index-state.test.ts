import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChunkRepository, type NewChunk } from '../../src/store/chunk-repository.js';
import { openDatabase } from '../../src/store/database.js';
import { FlatVectorIndex } from '../../src/store/flat-vector-index.js';
import {
  countJournal,
  fitsFlat,
  FLAT_MAX_NUMBERS,
  isFlat,
  markVectorsClean,
  markVectorsDirty,
  markVectorsFlat,
  openSearchableVectors,
  openVectorIndex,
  vectorsNeedSaving,
} from '../../src/store/index-state.js';
import { SCAN_FILE_NAME, ScanVectorIndex } from '../../src/store/scan-vector-index.js';
import { VECTORS_FILE_NAME, VectorIndex } from '../../src/store/vector-index.js';

let indexDir: string;
let db: Database.Database;
let repository: ChunkRepository;
let vectorsPath: string;

beforeEach(() => {
  indexDir = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-state-'));
  db = openDatabase(indexDir);
  repository = new ChunkRepository(db);
  vectorsPath = path.join(indexDir, VECTORS_FILE_NAME);
});
afterEach(() => {
  db.close();
  fs.rmSync(indexDir, { recursive: true, force: true });
});

function newChunk(ordinal: number, embedding: number[]): NewChunk {
  return {
    chunk: { source: 'a.txt', ordinal, text: `t${ordinal}`, startOffset: 0, endOffset: 2, startLine: 1, endLine: 1, page: null, section: null },
    textHash: `h${ordinal}`,
    embedding: Float32Array.from(embedding),
  };
}

/** Writes two chunks following the protocol; returns their ids. */
function writeCleanIndex(): number[] {
  markVectorsDirty(repository);
  const { addedChunkIds } = repository.replaceFile(
    { path: 'a.txt', hash: 'h', size: 4, mtimeMs: 0, format: 'text', title: null },
    [newChunk(0, [1, 0]), newChunk(1, [0, 1])],
  );
  const index = VectorIndex.create(2);
  index.add(addedChunkIds[0]!, [1, 0]);
  index.add(addedChunkIds[1]!, [0, 1]);
  index.save(vectorsPath);
  markVectorsClean(repository, index.size);
  return addedChunkIds;
}

describe('openVectorIndex', () => {
  it('loads the saved file when the state is clean and the counts match', () => {
    writeCleanIndex();
    const { index, rebuilt } = openVectorIndex(indexDir, repository, 2);
    expect(rebuilt).toBe(false);
    expect(index.size).toBe(2);
  });

  it('rebuilds from the database when the state is dirty', () => {
    const [first] = writeCleanIndex();
    markVectorsDirty(repository);
    const { index, rebuilt } = openVectorIndex(indexDir, repository, 2);
    expect(rebuilt).toBe(true);
    expect(index.search([1, 0], 1).map((m) => m.id)).toEqual([first]);
  });

  it('rebuilds from the database when the vector file is missing', () => {
    writeCleanIndex();
    fs.rmSync(vectorsPath);
    const { index, rebuilt } = openVectorIndex(indexDir, repository, 2);
    expect(rebuilt).toBe(true);
    expect(index.size).toBe(2);
  });

  it('rebuilds when the file holds fewer vectors than the database has chunks', () => {
    writeCleanIndex();
    // A crash-free but wrong file: one vector only.
    const stale = VectorIndex.create(2);
    stale.add(999, [1, 1]);
    stale.save(vectorsPath);
    const { index, rebuilt } = openVectorIndex(indexDir, repository, 2);
    expect(rebuilt).toBe(true);
    expect(index.search([1, 1], 5).map((m) => m.id)).not.toContain(999);
  });

  it('rebuilds when the vector file is garbage', () => {
    writeCleanIndex();
    fs.writeFileSync(vectorsPath, 'garbage');
    expect(openVectorIndex(indexDir, repository, 2).rebuilt).toBe(true);
  });

  it('rebuilds an empty index for a new database', () => {
    const { index, rebuilt } = openVectorIndex(indexDir, repository, 2);
    expect(rebuilt).toBe(true);
    expect(index.size).toBe(0);
  });

  it('applies the journal: chunks added and removed since the file was saved', () => {
    const [first, second] = writeCleanIndex();
    const before = fs.readFileSync(vectorsPath);
    repository.removeFile('a.txt');
    const { addedChunkIds } = repository.replaceFile(
      { path: 'b.txt', hash: 'hb', size: 4, mtimeMs: 0, format: 'text', title: null },
      [newChunk(0, [0.6, 0.8])],
    );
    expect(countJournal(repository)).toEqual({ saved: 2, added: 1, removed: 2 });

    const { index, rebuilt } = openVectorIndex(indexDir, repository, 2);
    expect(rebuilt).toBe(false);
    expect([index.size, index.stagedCount]).toEqual([1, 1]);
    expect(index.search([1, 0], 5).map((match) => match.id)).toEqual(addedChunkIds);
    expect([index.has(first!), index.has(second!)]).toEqual([false, false]);
    expect(fs.readFileSync(vectorsPath).equals(before)).toBe(true);
  });

  it('empties the journal when the file is saved and marked clean', () => {
    writeCleanIndex();
    repository.removeFile('a.txt');
    repository.replaceFile(
      { path: 'b.txt', hash: 'hb', size: 4, mtimeMs: 0, format: 'text', title: null },
      [newChunk(0, [0.6, 0.8])],
    );
    const { index } = openVectorIndex(indexDir, repository, 2);
    index.save(vectorsPath);
    markVectorsClean(repository, index.size);
    expect(countJournal(repository)).toEqual({ saved: 1, added: 0, removed: 0 });
    const reopened = openVectorIndex(indexDir, repository, 2).index;
    expect([reopened.size, reopened.stagedCount]).toEqual([1, 0]);
  });

  it('has no journal to count while the state is dirty', () => {
    writeCleanIndex();
    markVectorsDirty(repository);
    expect(countJournal(repository)).toBeNull();
  });
});

describe('openSearchableVectors', () => {
  it('searches the saved graph when the file can be trusted', () => {
    const [first] = writeCleanIndex();
    const vectors = openSearchableVectors(indexDir, repository, 2);
    expect(vectors).toBeInstanceOf(VectorIndex);
    expect(vectors.search([1, 0.1], 1)[0]?.id).toBe(first);
  });

  it('scans the database when the file cannot be trusted, and leaves the file as it was', () => {
    const [, second] = writeCleanIndex();
    markVectorsDirty(repository);
    const saved = fs.readFileSync(vectorsPath);
    const vectors = openSearchableVectors(indexDir, repository, 2);
    expect(vectors).toBeInstanceOf(FlatVectorIndex);
    expect(vectors.search([0.1, 1], 2).map((match) => match.id)[0]).toBe(second);
    expect(fs.readFileSync(vectorsPath).equals(saved)).toBe(true);
  });

  it('codes a large scan index in memory when its file cannot be trusted', () => {
    const [first, second] = writeCleanIndex();
    const index = ScanVectorIndex.rebuild(2, [{ id: first!, embedding: Float32Array.of(1, 0) }, { id: second!, embedding: Float32Array.of(0, 1) }]);
    index.save(path.join(indexDir, SCAN_FILE_NAME));
    markVectorsClean(repository, 2, 'scan');
    expect(openSearchableVectors(indexDir, repository, 2, 0)).toBeInstanceOf(ScanVectorIndex);
    // A writer at work: the file is not trusted, and the database's embeddings are coded again.
    markVectorsDirty(repository);
    fs.rmSync(path.join(indexDir, SCAN_FILE_NAME));
    const rebuilt = openSearchableVectors(indexDir, repository, 2, 0);
    expect(rebuilt).toBeInstanceOf(ScanVectorIndex);
    expect(rebuilt.search([0.1, 1], 1)[0]?.id).toBe(second);
    // Below the flat limit the database is scanned as floats, as before.
    expect(openSearchableVectors(indexDir, repository, 2)).toBeInstanceOf(FlatVectorIndex);
  });

  it('closes a scan file it loads but cannot trust, so that no helper thread outlives it', () => {
    const [first, second] = writeCleanIndex();
    const entries = [first!, second!, 999].map((id, i) => ({ id, embedding: Float32Array.of(1, i) }));
    ScanVectorIndex.rebuild(2, entries).save(path.join(indexDir, SCAN_FILE_NAME));
    // The file holds a chunk the database does not.
    markVectorsClean(repository, 3, 'scan');
    const close = vi.spyOn(ScanVectorIndex.prototype, 'close');
    try {
      const vectors = openSearchableVectors(indexDir, repository, 2, 0);
      expect(vectors.search([1, 0], 3).map((match) => match.id).sort()).toEqual([first, second].sort());
      expect(close).toHaveBeenCalledTimes(1);
    } finally {
      close.mockRestore();
    }
  });

  it('ignores a vector file once the index is flat, even one that looks clean', () => {
    writeCleanIndex();
    markVectorsFlat(repository);
    expect(isFlat(repository)).toBe(true);
    expect(vectorsNeedSaving(indexDir, repository, 2)).toBe(false);
    expect(openSearchableVectors(indexDir, repository, 2)).toBeInstanceOf(FlatVectorIndex);
  });

  it('empties the removals journal when marked flat, since no file will apply it', () => {
    const [first] = writeCleanIndex();
    repository.removeFile('a.txt');
    expect(repository.vectorRemovals()).toContain(first);
    markVectorsFlat(repository);
    expect(repository.vectorRemovals()).toEqual([]);
  });
});

describe('fitsFlat', () => {
  it('compares chunks × dimensions with the limit', () => {
    expect(fitsFlat(FLAT_MAX_NUMBERS / 1024, 1024)).toBe(true);
    expect(fitsFlat(FLAT_MAX_NUMBERS / 1024 + 1, 1024)).toBe(false);
    expect(fitsFlat(10, 4, 40)).toBe(true);
    expect(fitsFlat(1, 4, 0)).toBe(false);
  });
});
