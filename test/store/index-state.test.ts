import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChunkRepository, type NewChunk } from '../../src/store/chunk-repository.js';
import { openDatabase } from '../../src/store/database.js';
import {
  markVectorsClean,
  markVectorsDirty,
  openVectorIndex,
} from '../../src/store/index-state.js';
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
    chunk: { source: 'a.txt', ordinal, text: `t${ordinal}`, startOffset: 0, endOffset: 2, startLine: 1, endLine: 1, page: null },
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
});
